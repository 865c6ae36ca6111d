using System.Net.WebSockets;
using System.Text;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// How the server ends a WebSocket: the graphql-transport-ws protocol's codes (4400-4499) and the
/// RFC 6455 ones it uses. The reason says why, in at most the 123 bytes a close frame holds.
/// </summary>
public static class CloseCodes
{
    public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
    public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
    public const WebSocketCloseStatus SubprotocolNotAcceptable = (WebSocketCloseStatus)4406;
    public const WebSocketCloseStatus ConnectionInitialisationTimeout = (WebSocketCloseStatus)4408;
    public const WebSocketCloseStatus SubscriberAlreadyExists = (WebSocketCloseStatus)4409;
    public const WebSocketCloseStatus TooManyInitialisationRequests = (WebSocketCloseStatus)4429;

    /// <summary>
    /// RFC 6455 "Try Again Later" (IANA registry): the client fell too far behind. graphql-ws clients
    /// reconnect after this code with their back-off, which is what a briefly slow client needs.
    /// </summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    private const int MaxReasonBytes = 123;

    /// <summary><paramref name="reason"/> cut to what a close frame holds, never inside a character.</summary>
    public static string Reason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
            return reason;
        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3)
            length--;
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
            length--;
        return reason[..length] + "...";
    }
}
