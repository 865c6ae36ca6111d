using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws message from a client, checked as the protocol defines it (the same checks
/// as the reference implementation's validateMessage). Anything else is an invalid message: 4400.
/// </summary>
public sealed record ClientMessage(string Type, string? Id = null, GraphQLHttpRequest? Request = null, ReadOnlyMemory<byte>? Payload = null, string? Authorization = null)
{
    public const string ConnectionInit = "connection_init";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Complete = "complete";

    /// <summary>Reads a message; false with the reason when it is not one a client may send.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> bytes, GraphQLRequestReader requests,
        [NotNullWhen(true)] out ClientMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        if (!ClientJson.TryParse(bytes, out var document, out var jsonProblem))
        {
            problem = "Invalid message: " + jsonProblem;
            return false;
        }
        using (document)
        {
            try
            {
                message = Read(document.RootElement, requests);
                problem = null;
                return true;
            }
            catch (RequestProblem invalid)
            {
                problem = "Invalid message: " + invalid.Message;
                return false;
            }
        }
    }

    private static ClientMessage Read(JsonElement root, GraphQLRequestReader requests)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Invalid("expected a JSON object");
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String || typeElement.GetString() is not { Length: > 0 } type)
            throw Invalid("`type` must be a non-empty string");
        switch (type)
        {
            case ConnectionInit:
                var init = OptionalPayload(root, type);
                return new ClientMessage(type, Authorization: init is { } payload ? AuthorizationOf(payload) : null);
            case Ping:
            case Pong:
                // Kept as it came, for the pong to carry back (a null byte[] would turn into an empty payload).
                ReadOnlyMemory<byte>? echo = null;
                if (OptionalPayload(root, type) is { } raw)
                    echo = System.Text.Encoding.UTF8.GetBytes(raw.GetRawText());
                return new ClientMessage(type, Payload: echo);
            case Subscribe:
                var id = RequiredId(root, type);
                if (!root.TryGetProperty("payload", out var request) || request.ValueKind != JsonValueKind.Object)
                    throw Invalid("`subscribe` needs a `payload` object");
                return new ClientMessage(type, id, requests.FromJsonObject(request));
            case Complete:
                return new ClientMessage(type, RequiredId(root, type));
            case "connection_ack" or "next" or "error":
                throw Invalid($"`{type}` is sent by the server only");
            default:
                throw Invalid($"unknown type `{type}`");
        }
    }

    private static JsonElement? OptionalPayload(JsonElement root, string type) =>
        !root.TryGetProperty("payload", out var payload) || payload.ValueKind == JsonValueKind.Null ? null
        : payload.ValueKind == JsonValueKind.Object ? payload
        : throw Invalid($"the `payload` of `{type}` must be an object or null");

    private static string RequiredId(JsonElement root, string type) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : throw Invalid($"`{type}` needs a non-empty string `id`");

    /// <summary>
    /// <c>payload.authorization</c>, "Bearer &lt;token&gt;". The key is matched ignoring case because
    /// tools that copy HTTP headers into the payload (the IDE) write "Authorization"; so two spellings
    /// of it are as ambiguous as a repeated key. Not a string: "", which fails authentication like a
    /// header without a bearer token.
    /// </summary>
    private static string? AuthorizationOf(JsonElement payload)
    {
        JsonElement? found = null;
        foreach (var property in payload.EnumerateObject())
        {
            if (!property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                continue;
            if (found is not null)
                throw Invalid("`authorization` is given more than once");
            found = property.Value;
        }
        return found?.ValueKind switch
        {
            null or JsonValueKind.Null => null,
            JsonValueKind.String => found.Value.GetString(),
            _ => "",
        };
    }

    private static RequestProblem Invalid(string message) => new(StatusCodes.Status400BadRequest, message);
}
