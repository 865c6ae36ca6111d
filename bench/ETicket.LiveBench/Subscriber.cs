using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ETicket.LiveBench;

/// <summary>
/// One graphql-transport-ws client with one subscription. Records when each event arrives (a
/// Stopwatch timestamp), and anything that is not an event: errors, completion, a close.
/// </summary>
public sealed class Subscriber : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly long[] _arrivals;
    private readonly List<string>? _kept;
    private Task _receiving = Task.CompletedTask;
    private byte[] _buffer = new byte[1024];

    private Subscriber(int capacity, bool keepMessages)
    {
        _arrivals = new long[capacity];
        _kept = keepMessages ? [] : null;
        _socket.Options.AddSubProtocol("graphql-transport-ws");
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public int Received { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>The messages received, when asked to keep them (to check what was delivered).</summary>
    public IReadOnlyList<string> Kept => _kept ?? [];

    public long Arrival(int index) => _arrivals[index];

    public static async Task<Subscriber> ConnectAsync(Uri graphql, string query, int capacity, bool keepMessages, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(capacity, keepMessages);
        var ws = new UriBuilder(graphql) { Scheme = graphql.Scheme == "https" ? "wss" : "ws" }.Uri;
        await subscriber._socket.ConnectAsync(ws, cancellationToken);
        await subscriber.SendAsync("""{"type":"connection_init","payload":{}}""", cancellationToken);
        var ack = await subscriber.ReceiveTextAsync(cancellationToken);
        if (ack is null || !ack.Contains("\"connection_ack\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"Expected connection_ack, got {ack ?? "a close"}.");
        await subscriber.SendAsync(JsonSerializer.Serialize(new { id = "1", type = "subscribe", payload = new { query } }), cancellationToken);
        subscriber._receiving = subscriber.ReceiveLoopAsync();
        return subscriber;
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            // The client shares the machine with the servers: messages are classified by their bytes,
            // and decoded to text only when kept or unexpected.
            while (await ReceiveAsync(CancellationToken.None) is var length and >= 0)
            {
                var now = Stopwatch.GetTimestamp();
                var message = _buffer.AsSpan(0, length);
                if (message.IndexOf("\"type\":\"next\""u8) >= 0)
                {
                    if (Received < _arrivals.Length)
                        _arrivals[Received] = now;
                    Received++;
                    _kept?.Add(Encoding.UTF8.GetString(message));
                }
                else if (message.IndexOf("\"type\":\"ping\""u8) >= 0)
                {
                    await SendAsync("""{"type":"pong"}""", CancellationToken.None);
                }
                else if (message.IndexOf("\"type\":\"pong\""u8) < 0)
                {
                    Failure ??= Encoding.UTF8.GetString(message);
                }
            }
            if (_socket.CloseStatus is { } status && status != WebSocketCloseStatus.NormalClosure)
                Failure ??= $"closed {(int)status} {_socket.CloseStatusDescription}";
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            Failure ??= ex.Message;
        }
    }

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>One whole text message, or null when the server closed.</summary>
    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken) =>
        await ReceiveAsync(cancellationToken) is var length and >= 0 ? Encoding.UTF8.GetString(_buffer, 0, length) : null;

    /// <summary>Reads one whole message into the buffer (growing it when needed); its length, or -1 when the server closed.</summary>
    private async Task<int> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return -1;
            length += result.Count;
            if (result.EndOfMessage)
                return length;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or ObjectDisposedException)
        {
            // Closing anyway.
        }
        _socket.Dispose();
    }
}
