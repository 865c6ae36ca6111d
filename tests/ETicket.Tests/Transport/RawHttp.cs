using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// Requests to /graphql with exactly the method, bytes and headers a test chooses (no client-side
/// fixing up of content types or Authorization), and the answer as status, headers and JSON body.
/// </summary>
public static class RawHttp
{

    public static Task<RawAnswer> PostRawAsync(this PlatformServer server, string body, string? contentType = Media.Json,
        string? accept = null, string? authorization = null) =>
        server.PostRawAsync(Encoding.UTF8.GetBytes(body), contentType, accept, authorization);

    public static Task<RawAnswer> PostRawAsync(this PlatformServer server, byte[] body, string? contentType = Media.Json,
        string? accept = null, string? authorization = null)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return server.SendRawAsync(HttpMethod.Post, "/graphql", content, accept, authorization);
    }

    /// <summary>A GET with the parameters URL-encoded, in order (a name may repeat).</summary>
    public static Task<RawAnswer> GetRawAsync(this PlatformServer server, IEnumerable<(string Name, string Value)> parameters,
        string? accept = null, string? authorization = null)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return server.SendRawAsync(HttpMethod.Get, "/graphql?" + query, content: null, accept, authorization);
    }

    public static async Task<RawAnswer> SendRawAsync(this PlatformServer server, HttpMethod method, string pathAndQuery,
        HttpContent? content = null, string? accept = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await server.Http.SendAsync(request);
        return await RawAnswer.ReadAsync(response);
    }
}

public static class Media
{
    public const string Json = "application/json";
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string ServerSentEventStream = "text/event-stream";
}

/// <summary>An answer from /graphql. Reading it fails the test when a non-empty body is not JSON.</summary>
public sealed record RawAnswer(int Status, MediaTypeHeaderValue? ContentType, IReadOnlyDictionary<string, string> Headers, string Text, JsonNode? Body)
{
    public JsonNode? Data => Body?["data"];
    public JsonArray? Errors => Body?["errors"] as JsonArray;
    public JsonNode? FirstError => Errors?.FirstOrDefault();
    public string? FirstErrorCode => FirstError?["extensions"]?["code"]?.GetValue<string>();
    public string? FirstErrorMessage => FirstError?["message"]?.GetValue<string>();
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());

    public static async Task<RawAnswer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"The server answered {(int)response.StatusCode} with a body that is not JSON: {text}");
        }
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        return new RawAnswer((int)response.StatusCode, response.Content.Headers.ContentType, headers, text, body);
    }
}
