using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport;

/// <summary>Reads the GraphQL over HTTP request parameters from a POST's JSON body or a GET's query string.</summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<TransportOptions> options)
{
    /// <summary>How many times the request limit Kestrel drains after refusing a body (see <see cref="RequestBodyStream.Open"/>).</summary>
    internal const long DrainFactor = 8;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public async Task<GraphQLHttpRequest> ReadPostAsync(HttpContext http)
    {
        if (!MediaTypes.IsJsonRequest(http.Request.ContentType))
            throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, $"Send the request as {MediaTypes.Json} (UTF-8).");
        return FromJson(await ReadBodyAsync(http));
    }

    public GraphQLHttpRequest ReadGet(IQueryCollection query) => new(
        Query: Parameter(query, "query") ?? throw Problem("Send the document in the `query` parameter."),
        OperationName: Parameter(query, "operationName"),
        Variables: JsonMapParameter(query, "variables"),
        Extensions: JsonMapParameter(query, "extensions"));

    /// <summary>Reads the body once, into one buffer, and stops as soon as it passes the limit.</summary>
    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        var limit = options.Value.MaxRequestBytes;
        var body = RequestBodyStream.Open(http, limit, limit * DrainFactor, () => TooLarge(limit));
        // One byte over the declared length, so the read that finds the end needs no bigger buffer.
        var declaredLength = http.Request.ContentLength;
        var buffer = new ArrayBufferWriter<byte>(declaredLength is { } length ? (int)length + 1 : 4096);
        int read;
        while ((read = await body.ReadAsync(buffer.GetMemory(), http.RequestAborted)) > 0)
            buffer.Advance(read);
        return buffer.WrittenMemory;
    }

    private GraphQLHttpRequest FromJson(ReadOnlyMemory<byte> body)
    {
        // Some clients (Windows PowerShell, for one) start UTF-8 with a byte order mark; JSON parsers may ignore it.
        if (body.Span.StartsWith(Utf8ByteOrderMark))
            body = body[Utf8ByteOrderMark.Length..];
        if (body.IsEmpty)
            throw Problem("The request body is empty; send a JSON object with a `query`.");

        using var document = ParseJson(body, "The request body");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Problem("The request body must be a JSON object with a `query` (batches are not supported).");
        return FromJsonObject(root);
    }

    /// <summary>
    /// The request parameters of a JSON object (a POST body, a WebSocket <c>subscribe</c> payload);
    /// a <see cref="RequestProblem"/> says what is wrong with them.
    /// </summary>
    public GraphQLHttpRequest FromJsonObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Problem("The request must be a JSON object with a `query`.");
        return new GraphQLHttpRequest(
            Query: RequiredString(root, "query"),
            OperationName: OptionalString(root, "operationName"),
            Variables: OptionalMap(root, "variables"),
            Extensions: OptionalMap(root, "extensions"));
    }

    /// <summary>Parses client JSON (<see cref="ClientJson"/>); <paramref name="subject"/> names it in the problem.</summary>
    private static JsonDocument ParseJson(ReadOnlyMemory<byte> json, string subject) =>
        ClientJson.TryParse(json, out var document, out var problem) ? document : throw Problem($"{subject} is {problem.TrimEnd('.')}.");

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Problem(value.ValueKind == JsonValueKind.Undefined ? $"The request has no `{name}`." : $"`{name}` must be a string.");

    private static string? OptionalString(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Problem($"`{name}` must be a string or null.");

    private Inputs? OptionalMap(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value)
        : throw Problem($"`{name}` must be a JSON object or null.");

    /// <summary>A GET parameter's one value, or null when absent or empty; a repeated one is ambiguous.</summary>
    private static string? Parameter(IQueryCollection query, string name)
    {
        var values = query[name];
        if (values.Count > 1)
            throw Problem($"`{name}` is given more than once.");
        return string.IsNullOrEmpty(values) ? null : values.ToString();
    }

    /// <summary>GET carries variables and extensions as URL-encoded JSON objects.</summary>
    private Inputs? JsonMapParameter(IQueryCollection query, string name)
    {
        if (Parameter(query, name) is not { } json)
            return null;
        using var document = ParseJson(Encoding.UTF8.GetBytes(json), $"`{name}`");
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => serializer.ReadNode<Inputs>(document.RootElement),
            _ => throw Problem($"`{name}` must be a URL-encoded JSON object."),
        };
    }

    private static RequestProblem Problem(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary>The 413 for a body past <paramref name="limit"/> bytes, whichever reader read it.</summary>
    internal static RequestProblem TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.");
}
