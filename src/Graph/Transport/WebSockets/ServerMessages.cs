using System.Text;
using System.Text.Json;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>The graphql-transport-ws messages the server sends, framed around bodies serialized elsewhere.</summary>
public static class ServerMessages
{
    public static readonly OutgoingMessage ConnectionAck = new(Utf8("""{"type":"connection_ack"}"""));
    public static readonly OutgoingMessage Ping = new(Utf8("""{"type":"ping"}"""));
    private static readonly OutgoingMessage PongWithoutPayload = new(Utf8("""{"type":"pong"}"""));
    private static readonly ReadOnlyMemory<byte> PongHead = Utf8("""{"type":"pong","payload":""");
    private static readonly ReadOnlyMemory<byte> Close = Utf8("}");

    /// <summary>The answer to a ping, carrying the ping's payload back as the reference server does.</summary>
    public static OutgoingMessage Pong(ReadOnlyMemory<byte>? payload) =>
        payload is { } json ? new(PongHead, json, Close) : PongWithoutPayload;

    /// <summary>The start of every <c>next</c> of one operation; the result follows, then <see cref="NextTail"/>.</summary>
    public static ReadOnlyMemory<byte> NextHead(string id) => Utf8($$"""{"id":{{JsonString(id)}},"type":"next","payload":""");

    public static ReadOnlyMemory<byte> NextTail => Close;

    public static OutgoingMessage Complete(string id) => new(Utf8($$"""{"id":{{JsonString(id)}},"type":"complete"}"""));

    /// <param name="errors">A JSON array of GraphQL errors.</param>
    public static OutgoingMessage Error(string id, ReadOnlyMemory<byte> errors) =>
        new(Utf8($$"""{"id":{{JsonString(id)}},"type":"error","payload":"""), errors, Close);

    private static string JsonString(string value) => JsonSerializer.Serialize(value);

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
