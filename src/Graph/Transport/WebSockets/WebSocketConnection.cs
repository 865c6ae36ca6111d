using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws socket. A reader loop handles the client's messages one at a time (so
/// <c>connection_init</c> is settled before anything after it); operations run beside it; everything
/// the server sends goes through one bounded queue and one writer loop, because a WebSocket allows
/// one send at a time and event dispatch must never wait for a client.
/// </summary>
internal sealed class WebSocketConnection(GraphQLWebSocketEndpoint endpoint, HttpContext http, WebSocket socket, ConnectionLimits limits)
{
    private readonly OutgoingQueue _queue = new(limits.MaxQueuedMessages);
    // A plain dictionary under its own lock: a concurrent one costs ~1 KB per idle connection.
    private readonly Dictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);
    // Ends both loops when the connection must be dropped: a peer that takes no close frame, a dead writer.
    private readonly CancellationTokenSource _abort = new();
    private CloseRequest? _close;
    private bool _initReceived;
    private volatile bool _acknowledged;
    private IDisposable? _memberPlace;
    private Timer? _initTimeout;

    public GraphQLWebSocketEndpoint Endpoint => endpoint;

    /// <summary>Who the connection authenticated as in <c>connection_init</c>; null when anonymous.</summary>
    public ClaimsPrincipal? User { get; private set; }

    public IPAddress? RemoteAddress => http.Connection.RemoteIpAddress;

    public async Task RunAsync()
    {
        var options = endpoint.Options;
        _queue.Overflowed += OnOverflow;
        var writing = WriteLoopAsync();
        // Disposed as soon as connection_init arrives: a timer per idle connection is memory for nothing.
        _initTimeout = new Timer(_ =>
        {
            if (!Volatile.Read(ref _initReceived))
                Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }, null, options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        using var pings = options.PingInterval > TimeSpan.Zero
            ? new Timer(_ => { if (_acknowledged) Send(ServerMessages.Ping); }, null, options.PingInterval, options.PingInterval)
            : null;
        using var stopping = endpoint.Lifetime.ApplicationStopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down"));
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // Dropped, or the client vanished without a close frame.
        }
        catch (Exception ex)
        {
            endpoint.Logger.LogError(ex, "WebSocket connection {ConnectionId} failed", http.Connection.Id);
            Close((WebSocketCloseStatus)4500, "Internal server error");
        }
        finally
        {
            // The client closed first (we answer in kind) or the connection is being dropped.
            Close(WebSocketCloseStatus.NormalClosure, "");
            WebSocketOperation[] running;
            lock (_operations)
                running = [.. _operations.Values];
            foreach (var operation in running)
                operation.Cancel();
            _memberPlace?.Dispose();
            _initTimeout?.Dispose();
            await writing;
            _abort.Dispose();
        }
    }

    /// <summary>Queues a message; never waits. A full queue closes the connection (<see cref="OnOverflow"/>).</summary>
    public void Send(OutgoingMessage message) => _queue.TryEnqueue(message);

    /// <summary>An operation ended: its id may be used again.</summary>
    public void Forget(WebSocketOperation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(operation.Id, out var current) && current == operation)
                _operations.Remove(operation.Id);
        }
    }

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
            _abort.CancelAfter(endpoint.Options.CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection has already ended.
        }
    }

    private bool Closing => Volatile.Read(ref _close) is not null;

    private void OnOverflow()
    {
        endpoint.Logger.LogWarning("Closing WebSocket connection {ConnectionId}: {Count} messages are waiting, the client reads too slowly",
            http.Connection.Id, limits.MaxQueuedMessages);
        Close(CloseCodes.TryAgainLater, "Too many messages waiting: the client reads too slowly; reconnect");
    }

    private async Task ReadLoopAsync()
    {
        var limit = endpoint.MaxMessageBytes;
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
                    tooLarge = message.WrittenCount > limit;
                }
            }

            if (Closing)
                continue; // Waiting for the client to answer our close frame: its messages no longer count.
            if (tooLarge)
                Close(WebSocketCloseStatus.MessageTooBig, $"A message may have at most {limit} bytes");
            else
                await HandleAsync(message.WrittenMemory);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> bytes)
    {
        if (!ClientMessage.TryRead(bytes, endpoint.Requests, out var message, out var problem))
        {
            Close(CloseCodes.BadRequest, problem);
            return;
        }
        switch (message.Type)
        {
            case ClientMessage.ConnectionInit:
                await InitializeAsync(message);
                break;
            case ClientMessage.Ping:
                Send(ServerMessages.Pong(message.Payload));
                break;
            case ClientMessage.Pong:
                break;
            case ClientMessage.Subscribe:
                Subscribe(message.Id!, message.Request!);
                break;
            case ClientMessage.Complete:
                WebSocketOperation? operation;
                lock (_operations)
                    _operations.Remove(message.Id!, out operation);
                operation?.Cancel();
                break; // An id that is not running: already completed, nothing to do.
        }
    }

    private async Task InitializeAsync(ClientMessage init)
    {
        if (Volatile.Read(ref _initReceived))
        {
            Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }
        Volatile.Write(ref _initReceived, true);
        _initTimeout?.Dispose();
        _initTimeout = null;
        if (init.Authorization is { } authorization)
        {
            var (user, problem) = await endpoint.Credentials.AuthenticateAsync(authorization);
            if (user is null)
            {
                Close(CloseCodes.Forbidden, "Forbidden: " + problem);
                return;
            }
            if (user.FindFirstValue(Viewer.MemberIdClaim) is { } memberId && (_memberPlace = endpoint.Members.TryOpen(memberId)) is null)
            {
                Close(CloseCodes.Forbidden, $"Forbidden: {ErrorCodes.TooManyConnections}, this member already has {endpoint.Members.Limit} live connections open");
                return;
            }
            User = user;
        }
        _acknowledged = true;
        Send(ServerMessages.ConnectionAck);
    }

    private void Subscribe(string id, GraphQLHttpRequest request)
    {
        if (!_acknowledged)
        {
            Close(CloseCodes.Unauthorized, "Unauthorized");
            return;
        }
        // Only this loop adds operations, so the check and the add cannot race.
        int running;
        lock (_operations)
            running = _operations.ContainsKey(id) ? -1 : _operations.Count;
        if (running < 0)
        {
            Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }
        if (running >= limits.MaxOperations)
        {
            Send(ServerMessages.Error(id, ResultJson.ErrorsOf(endpoint.Serializer, ErrorCodes.TooManySubscriptions,
                $"This connection already runs {limits.MaxOperations} operations; complete one first.")));
            return;
        }
        var operation = new WebSocketOperation(this, id, request);
        lock (_operations)
            _operations[id] = operation;
        _ = operation.RunAsync();
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
            endpoint.Logger.LogError(ex, "Writing to WebSocket connection {ConnectionId} failed", http.Connection.Id);
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
