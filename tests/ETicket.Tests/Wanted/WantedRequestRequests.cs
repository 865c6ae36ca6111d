using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Wanted;

public static class WantedRequestRequests
{
    public const string Post = """
        mutation($input: PostWantedRequestInput!) {
          postWantedRequest(input: $input) {
            wantedRequest { id member { id } category keywords city from to maxPrice open createdAt }
            errors { code message field }
          }
        }
        """;

    public const string Close = """
        mutation($input: CloseWantedRequestInput!) {
          closeWantedRequest(input: $input) {
            wantedRequest { id open }
            errors { code message field }
          }
        }
        """;

    public static object Concert(string keywords = "周杰伦", string? city = null, string? maxPrice = null) =>
        new { category = "CONCERT", keywords, city, maxPrice };

    /// <summary>Posts and returns the payload (wanted request and errors).</summary>
    public static async Task<JsonNode> PostWantedAsync(this PlatformServer server, SignedInMember member, object input) =>
        (await server.PostAsync(Post, new { input }, member.AccessToken)).Ok()["postWantedRequest"]!;

    /// <summary>Posts and returns the new request's id, asserting success.</summary>
    public static async Task<string> PostWantedOkAsync(this PlatformServer server, SignedInMember member, object input)
    {
        var payload = await server.PostWantedAsync(member, input);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["wantedRequest"]!["id"]!.GetValue<string>();
    }

    /// <summary>Closes and returns the payload (wanted request and errors).</summary>
    public static async Task<JsonNode> CloseWantedAsync(this PlatformServer server, SignedInMember member, string wantedRequestId) =>
        (await server.PostAsync(Close, new { input = new { wantedRequestId } }, member.AccessToken)).Ok()["closeWantedRequest"]!;

    /// <summary>The single error's code and field.</summary>
    public static (string Code, string? Field) SingleError(JsonNode payload)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        return (error["code"]!.GetValue<string>(), error["field"]?.GetValue<string>());
    }
}
