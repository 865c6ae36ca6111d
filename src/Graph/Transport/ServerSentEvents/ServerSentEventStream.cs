using System.Text;
using ETicket.Graph.Subscriptions;
using Microsoft.AspNetCore.Http.Features;

namespace ETicket.Graph.Transport.ServerSentEvents;

/// <summary>
/// One text/event-stream response carrying one operation's results (graphql-sse, distinct connections
/// mode): <c>event: next</c> per result, then <c>event: complete</c>. Results are queued, never
/// written from the event's dispatch; a writer loop sends them. A client that falls too far behind
/// loses its connection.
/// </summary>
internal sealed class ServerSentEventStream : ISubscriptionSink, IDisposable
{
    private static readonly ReadOnlyMemory<byte> NextHead = Encoding.UTF8.GetBytes("event: next\ndata: ");
    private static readonly ReadOnlyMemory<byte> EventEnd = Encoding.UTF8.GetBytes("\n\n");
    private static readonly ReadOnlyMemory<byte> ErrorsHead = Encoding.UTF8.GetBytes("event: next\ndata: {\"errors\":");
    private static readonly ReadOnlyMemory<byte> ErrorsTail = Encoding.UTF8.GetBytes("}\n\n");
    // An empty data field: EventSource dispatches no event without one.
    private static readonly OutgoingMessage CompleteEvent = new(Encoding.UTF8.GetBytes("event: complete\ndata: \n\n"));
    // A comment line: ignored by clients, keeps proxies from closing a quiet stream.
    private static readonly OutgoingMessage KeepAlive = new(Encoding.UTF8.GetBytes(":\n\n"));

    private readonly HttpContext _http;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly OutgoingQueue _queue;
    private readonly CancellationTokenSource _stop;
    private readonly Timer _keepAlive;

    public ServerSentEventStream(HttpContext http, SubscriptionOptions options, CancellationToken serverStopping, ILogger logger)
    {
        (_http, _logger, _capacity) = (http, logger, options.MaxQueuedMessages);
        _queue = new OutgoingQueue(options.MaxQueuedMessages);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, serverStopping);
        _queue.Overflowed += OnOverflow;
        _keepAlive = new Timer(_ => _queue.TryEnqueue(KeepAlive), null, options.KeepAliveInterval, options.KeepAliveInterval);
    }

    /// <summary>Ends when the client goes away, the server stops, or the client fell behind.</summary>
    public CancellationToken Stopped => _stop.Token;

    /// <summary>Sends the status and headers at once, so the client knows the stream is open before any event.</summary>
    public async Task OpenAsync()
    {
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaTypes.ServerSentEventStream + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // nginx buffers responses unless told otherwise; events must go out as they happen.
        response.Headers["X-Accel-Buffering"] = "no";
        _http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(_stop.Token);
        await response.Body.FlushAsync(_stop.Token);
    }

    public void Next(ReadOnlyMemory<byte> result) => _queue.TryEnqueue(new OutgoingMessage(NextHead, result, EventEnd));

    /// <summary>The stream ended; errors (live updates lost) go out as a last <c>next</c>, as graphql-sse reports errors.</summary>
    public void End(ReadOnlyMemory<byte>? errors)
    {
        if (errors is { } json)
            _queue.TryEnqueue(new OutgoingMessage(ErrorsHead, json, ErrorsTail));
        _queue.TryEnqueue(CompleteEvent);
        _queue.Complete();
    }

    /// <summary>A single result (a query, a mutation, a refusal): one <c>next</c>, then <c>complete</c>.</summary>
    public void Single(ReadOnlyMemory<byte> result)
    {
        Next(result);
        End(null);
    }

    /// <summary>Writes queued events until the stream completes or stops.</summary>
    public async Task WriteAsync()
    {
        var body = _http.Response.BodyWriter;
        try
        {
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                while (reader.TryRead(out var message))
                {
                    var span = body.GetSpan(message.Length);
                    message.CopyTo(span);
                    body.Advance(message.Length);
                }
                await body.FlushAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The client went away, or the server stops: the response just ends.
        }
        catch (Exception ex) when (ex is IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // The client vanished while we wrote.
        }
        if (_overflowed)
            _http.Abort(); // A client that stopped reading cannot be told politely; its next read fails, it may reconnect.
    }

    private volatile bool _overflowed;

    private void OnOverflow()
    {
        _logger.LogWarning("Ending event stream {ConnectionId}: {Count} events are waiting, the client reads too slowly", _http.Connection.Id, _capacity);
        _overflowed = true;
        // Off the dispatching thread: cancellation runs the writer's callbacks, which are not its business.
        _ = Task.Run(() =>
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream has ended already.
            }
        });
    }

    public void Dispose()
    {
        _keepAlive.Dispose();
        _stop.Dispose();
    }
}
