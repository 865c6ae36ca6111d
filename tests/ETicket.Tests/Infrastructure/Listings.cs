using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure;

public static class ListingRequests
{
    public const string Publish = """
        mutation($input: PublishListingInput!) {
          publishListing(input: $input) {
            listing { id title category price faceValue status city startsAt publishedAt ticketCode imageUrls seller { id } }
            errors { code message field }
          }
        }
        """;

    public static object Concert(string title = "周杰伦上海演唱会", string ticketCode = "CODE", string price = "880", string faceValue = "880") => new
    {
        category = "CONCERT",
        title,
        faceValue,
        price,
        ticketCode,
        city = "上海",
        venue = "梅赛德斯奔驰文化中心",
        startsAt = "2027-05-01T19:30:00+08:00",
    };

    /// <summary>Publishes and returns the payload (listing and errors).</summary>
    public static async Task<JsonNode> PublishAsync(this PlatformServer server, SignedInMember seller, object input) =>
        (await server.PostAsync(Publish, new { input }, seller.AccessToken)).Ok()["publishListing"]!;

    /// <summary>Publishes and returns the new listing's id, asserting success.</summary>
    public static async Task<string> PublishOkAsync(this PlatformServer server, SignedInMember seller, object input)
    {
        var payload = await server.PublishAsync(seller, input);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["listing"]!["id"]!.GetValue<string>();
    }
}
