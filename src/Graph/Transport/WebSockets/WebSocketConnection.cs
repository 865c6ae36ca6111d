using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Telemetry;
using GraphQL;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// The protocol half of one graphql-transport-ws socket; its <see cref="WebSocketChannel"/> does the
/// framing. Client messages are handled one at a time (so <c>connection_init</c> is settled before
/// anything after it); operations run beside the reader, so pings and completes keep flowing.
/// </summary>
internal sealed class WebSocketConnection(WebSocketConnectionServices services, HttpContext http, WebSocket socket, ConnectionLimits limits)
    : IWebSocketMessageHandler
{
    private readonly WebSocketChannel _channel = new(socket, http.Connection, services.MaxMessageBytes, limits.MaxQueuedMessages,
        services.Options.CloseTimeout, services.Logger);
    // A plain dictionary under its own lock: a concurrent one costs ~1 KB per idle connection.
    private readonly Dictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);
    private bool _initReceived;
    private volatile bool _acknowledged;
    private IDisposable? _memberPlace;
    private Timer? _initTimeout;

    /// <summary>Who the connection authenticated as in <c>connection_init</c>; null when anonymous.</summary>
    public ClaimsPrincipal? User { get; private set; }

    public IPAddress? RemoteAddress => http.Connection.RemoteIpAddress;

    public async Task RunAsync()
    {
        var options = services.Options;
        // Disposed as soon as connection_init arrives: a timer per idle connection is memory for nothing.
        _initTimeout = new Timer(_ =>
        {
            if (!Volatile.Read(ref _initReceived))
                Close(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }, null, options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        using var pings = options.PingInterval > TimeSpan.Zero
            ? new Timer(_ => { if (_acknowledged) Send(ServerMessages.Ping); }, null, options.PingInterval, options.PingInterval)
            : null;
        using var stopping = services.ServerStopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down"));
        await _channel.RunAsync(this);
    }

    /// <summary>Queues a message; never waits (a client too far behind is closed instead).</summary>
    public void Send(OutgoingMessage message) => _channel.Send(message);

    /// <summary>Closes the socket; the first close wins (<see cref="WebSocketChannel.Close"/>).</summary>
    public void Close(WebSocketCloseStatus status, string reason) => _channel.Close(status, reason);

    /// <summary>An operation ended: its id may be used again.</summary>
    public void Forget(WebSocketOperation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(operation.Id, out var current) && current == operation)
                _operations.Remove(operation.Id);
        }
    }

    /// <summary>One graphql-transport-ws message; anything a client may not send closes the socket with 4400.</summary>
    async Task IWebSocketMessageHandler.HandleAsync(ReadOnlyMemory<byte> bytes)
    {
        if (!ClientMessage.TryRead(bytes, services.Requests, out var message, out var problem))
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

    /// <summary>The socket is closing: cancel what still runs and give back the member's place.</summary>
    void IWebSocketMessageHandler.OnEnded()
    {
        WebSocketOperation[] running;
        lock (_operations)
            running = [.. _operations.Values];
        foreach (var operation in running)
            operation.Cancel();
        _memberPlace?.Dispose();
        _initTimeout?.Dispose();
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
            var (user, problem) = await services.Credentials.AuthenticateAsync(authorization);
            if (user is null)
            {
                Close(CloseCodes.Forbidden, "Forbidden: " + problem);
                return;
            }
            if (user.FindFirstValue(Viewer.MemberIdClaim) is { } memberId && (_memberPlace = services.Members.TryOpen(memberId)) is null)
            {
                Close(CloseCodes.Forbidden, $"Forbidden: {ErrorCodes.TooManyConnections}, this member already has {services.Members.Limit} live connections open");
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
            var refusal = new ExecutionResult(ErrorCodes.Error(ErrorCodes.TooManySubscriptions,
                $"This connection already runs {limits.MaxOperations} operations; complete one first."));
            using (var refused = services.Telemetry.Observe(GraphQLTransports.WebSocket))
                refused.End(refusal);
            Send(ServerMessages.Error(id, ResultJson.ErrorsOf(services.Serializer, refusal)));
            return;
        }
        var operation = new WebSocketOperation(this, services, id, request);
        lock (_operations)
            _operations[id] = operation;
        _ = operation.RunAsync();
    }
}
