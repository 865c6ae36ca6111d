using System.Buffers;
using System.Net.WebSockets;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// The framing half of a WebSocket connection, which knows nothing of GraphQL: a reader assembles each
/// client message within the size bound and hands it to the protocol (<see cref="IWebSocketMessageHandler"/>),
/// one at a time; everything the server sends goes through one bounded queue and one writer loop,
/// because a WebSocket allows one send at a time and event dispatch must never wait for a client.
/// </summary>
internal sealed class WebSocketChannel(WebSocket socket, ConnectionInfo connection, int maxMessageBytes, int maxQueuedMessages, TimeSpan closeTimeout, ILogger logger)
{
    private readonly OutgoingQueue _queue = new(maxQueuedMessages);
    // Ends both loops when the connection must be dropped: a peer that takes no close frame, a dead writer.
    private readonly CancellationTokenSource _abort = new();
    private CloseRequest? _close;

    /// <summary>Reads until the client closes or the connection is dropped, then closes and waits for the writer.</summary>
    public async Task RunAsync(IWebSocketMessageHandler handler)
    {
        _queue.Overflowed += OnOverflow;
        var writing = WriteLoopAsync();
        try
        {
            await ReadLoopAsync(handler);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // Dropped, or the client vanished without a close frame.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "WebSocket connection {ConnectionId} failed", connection.Id);
            Close((WebSocketCloseStatus)4500, "Internal server error");
        }
        finally
        {
            // The client closed first (we answer in kind) or the connection is being dropped.
            Close(WebSocketCloseStatus.NormalClosure, "");
            handler.OnEnded();
            await writing;
            _abort.Dispose();
        }
    }

    /// <summary>Queues a message; never waits. A full queue closes the connection (<see cref="OnOverflow"/>).</summary>
    public void Send(OutgoingMessage message) => _queue.TryEnqueue(message);

    /// <summary>
    /// Closes with <paramref name="status"/> (the first close wins): messages still queued are dropped,
    /// the writer sends the close frame, and a peer that has not answered it within CloseTimeout is dropped.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.CompareExchange(ref _close, new CloseRequest(status, CloseCodes.Reason(reason)), null) is not null)
            return;
        _queue.Complete();
        try
        {
            _abort.CancelAfter(closeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection has already ended.
        }
    }

    private bool Closing => Volatile.Read(ref _close) is not null;

    private void OnOverflow()
    {
        logger.LogWarning("Closing WebSocket connection {ConnectionId}: {Count} messages are waiting, the client reads too slowly",
            connection.Id, maxQueuedMessages);
        Close(CloseCodes.TryAgainLater, "Too many messages waiting: the client reads too slowly; reconnect");
    }

    private async Task ReadLoopAsync(IWebSocketMessageHandler handler)
    {
        while (true)
        {
            // An idle socket holds no buffer (thousands of subscribers mostly wait): a zero-byte read
            // waits for the next frame, and only then is a buffer made for the message.
            var received = await socket.ReceiveAsync(Memory<byte>.Empty, _abort.Token);
            if (received.MessageType == WebSocketMessageType.Close)
                return;
            var message = new ArrayBufferWriter<byte>(received.EndOfMessage ? 1 : 1024);
            byte[]? discard = null;
            var tooLarge = false;
            while (!received.EndOfMessage)
            {
                // Past the limit the rest of the message is read and thrown away, never held.
                received = await socket.ReceiveAsync(tooLarge ? (discard ??= new byte[4096]).AsMemory() : message.GetMemory(4096), _abort.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    return;
                if (!tooLarge)
                {
                    message.Advance(received.Count);
                    tooLarge = message.WrittenCount > maxMessageBytes;
                }
            }

            if (Closing)
                continue; // Waiting for the client to answer our close frame: its messages no longer count.
            if (tooLarge)
                Close(WebSocketCloseStatus.MessageTooBig, $"A message may have at most {maxMessageBytes} bytes");
            else
                await handler.HandleAsync(message.WrittenMemory);
        }
    }

    private async Task WriteLoopAsync()
    {
        var closedCleanly = false;
        try
        {
            var reader = _queue.Reader;
            while (!Closing && await reader.WaitToReadAsync(_abort.Token))
            {
                while (!Closing && reader.TryRead(out var message))
                    await SendAsync(message);
            }
            var close = Volatile.Read(ref _close)!;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(close.Status, close.Reason, _abort.Token);
            closedCleanly = true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException
            or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // The peer is gone or was dropped.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Writing to WebSocket connection {ConnectionId} failed", connection.Id);
        }
        finally
        {
            // A connection that cannot be written to is over: stop the reader too.
            if (!closedCleanly)
                _abort.Cancel();
        }
    }

    /// <summary>One WebSocket message, one frame: a few simple clients handle no fragmented messages.</summary>
    private async Task SendAsync(OutgoingMessage message)
    {
        var length = message.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            message.CopyTo(buffer);
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, _abort.Token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, string Reason);
}
