namespace ETicket.Graph.Transport.WebSockets;

/// <summary>The protocol spoken over a <see cref="WebSocketChannel"/>: what it hands each client message to.</summary>
internal interface IWebSocketMessageHandler
{
    /// <summary>One whole message from the client, within the size bound; the next is read only when this one is handled.</summary>
    Task HandleAsync(ReadOnlyMemory<byte> message);

    /// <summary>Reading has ended and the close is under way: stop everything the protocol started. Called once.</summary>
    void OnEnded();
}
