using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>
/// A graphql-transport-ws client written out by hand on ClientWebSocket, so a test sends exactly the
/// frames it means to (also wrong ones) and sees exactly what the server answers. A background loop
/// reads messages into a queue until the server closes; <see cref="PauseReading"/> stops it (a stuck client).
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonNode> _messages = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource<(WebSocketCloseStatus? Status, string? Reason)> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;
    private int _disposed;

    private GraphQLSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reading.SetResult();
        _pump = PumpAsync();
    }

    /// <summary>The subprotocol the server chose ("" when none).</summary>
    public string? SubProtocolChosen => _socket.SubProtocol;

    /// <param name="subProtocols">What the client offers; graphql-transport-ws when not given.</param>
    public static async Task<GraphQLSocket> ConnectAsync(PlatformServer server, string[]? subProtocols = null)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in subProtocols ?? [SubProtocol])
            socket.Options.AddSubProtocol(protocol);
        var uri = new UriBuilder(server.GraphQLEndpoint) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return new GraphQLSocket(socket);
    }

    /// <summary>Connects, sends connection_init (with an authorization when given) and expects connection_ack.</summary>
    public static async Task<GraphQLSocket> ConnectAndInitAsync(PlatformServer server, string? accessToken = null)
    {
        var socket = await ConnectAsync(server);
        await socket.SendAsync(accessToken is null
            ? new { type = "connection_init" }
            : new { type = "connection_init", payload = new { authorization = "Bearer " + accessToken } });
        var ack = await socket.NextAsync();
        Assert.Equal("connection_ack", ack["type"]?.GetValue<string>());
        return socket;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) => SendTextAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>A text message of exactly these bytes, UTF-8 or not.</summary>
    public Task SendTextAsync(byte[] bytes, bool endOfMessage = true) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage, TestContext.Current.CancellationToken);

    /// <summary>Drops the connection without a close frame, as a client that loses its network does.</summary>
    public void Abort() => _socket.Abort();

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>The next message; fails the test when none comes in time or the socket closes first.</summary>
    public async Task<JsonNode> NextAsync(TimeSpan? wait = null)
    {
        var (message, timedOut) = await _messages.Reader.ReadWithinAsync(wait ?? DefaultWait);
        if (timedOut)
            throw new Xunit.Sdk.XunitException($"No message within {wait ?? DefaultWait}.");
        if (message is not null)
            return message;
        var (status, reason) = await _closed.Task;
        throw new Xunit.Sdk.XunitException($"The server closed the socket ({(int?)status} {reason}) instead of sending a message.");
    }

    /// <summary>The next message, or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<JsonNode?> TryNextAsync(TimeSpan wait) => (await _messages.Reader.ReadWithinAsync(wait)).Item;

    /// <summary>The next message other than a server ping.</summary>
    public async Task<JsonNode> NextExceptPingAsync(TimeSpan? wait = null)
    {
        while (true)
        {
            var message = await NextAsync(wait);
            if (message["type"]?.GetValue<string>() != "ping")
                return message;
        }
    }

    /// <summary>The next message for operation <paramref name="id"/>, skipping others (pings, other operations).</summary>
    public async Task<JsonNode> NextForAsync(string id, TimeSpan? wait = null)
    {
        while (true)
        {
            var message = await NextAsync(wait);
            if (message["id"]?.GetValue<string>() == id)
                return message;
        }
    }

    /// <summary>Asserts that no message arrives within <paramref name="wait"/>.</summary>
    public async Task NothingWithinAsync(TimeSpan wait)
    {
        await Task.Delay(wait, TestContext.Current.CancellationToken);
        Assert.False(_messages.Reader.TryRead(out var unexpected), $"Unexpected message: {unexpected?.ToJsonString()}");
    }

    /// <summary>The server's close frame, skipping any messages still queued; fails when the socket stays open.</summary>
    public async Task<(WebSocketCloseStatus? Status, string? Reason)> ClosedAsync(TimeSpan? wait = null)
    {
        try
        {
            return await _closed.Task.WaitAsync(wait ?? DefaultWait, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The socket is still open after {wait ?? DefaultWait}.");
        }
    }

    /// <summary>Asserts the server closes with <paramref name="code"/>; returns the reason.</summary>
    public async Task<string> ExpectCloseAsync(int code, TimeSpan? wait = null)
    {
        var (status, reason) = await ClosedAsync(wait);
        Assert.True((int?)status == code, $"Expected close {code}, got {(int?)status} {reason}");
        return reason ?? "";
    }

    /// <summary>Stops reading: what the server sends piles up in the network buffers, then in its queue.</summary>
    public void PauseReading() => _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ResumeReading() => _reading.TrySetResult();

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                await _reading.Task.WaitAsync(_stop.Token);
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((received.CloseStatus, received.CloseStatusDescription));
                        // Answer the close frame, as a well-behaved client does.
                        if (_socket.State == WebSocketState.CloseReceived)
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);
                _messages.Writer.TryWrite(JsonNode.Parse(message.ToArray())!);
            }
        }
        catch (Exception ex)
        {
            // Dropped without a close frame, disposed by the test, or a message that is not JSON: no status.
            _closed.TrySetResult((null, $"{ex.GetType().Name}: {ex.Message}"));
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                await _closed.Task.WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
            {
            }
        }
        await _stop.CancelAsync();
        ResumeReading();
        await _pump;
        _socket.Dispose();
        _stop.Dispose();
    }
}
