using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>One server-sent event: its type and its data.</summary>
public sealed record ServerSentEvent(string Event, string Data)
{
    public JsonNode? Json => Data.Length == 0 ? null : JsonNode.Parse(Data);
}

/// <summary>
/// A GraphQL over SSE request (graphql-sse's distinct connections mode) and the events of its
/// response, parsed by the text/event-stream rules; comment lines (keep-alives) are counted, not returned.
/// </summary>
public sealed class ServerSentEventReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<ServerSentEvent> _events = Channel.CreateUnbounded<ServerSentEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _comments;

    private ServerSentEventReader(HttpResponseMessage response)
    {
        _response = response;
        _reading = ReadAsync();
    }

    public HttpResponseMessage Response => _response;

    public int Comments => Volatile.Read(ref _comments);

    /// <summary>POSTs with Accept: text/event-stream and returns once the response headers are in.</summary>
    public static Task<ServerSentEventReader> PostAsync(PlatformServer server, string query, object? variables = null, string? accessToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        return SendAsync(server, request, accessToken);
    }

    public static Task<ServerSentEventReader> GetAsync(PlatformServer server, string query, string? accessToken = null) =>
        SendAsync(server, new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query)), accessToken);

    private static async Task<ServerSentEventReader> SendAsync(PlatformServer server, HttpRequestMessage request, string? accessToken)
    {
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return new ServerSentEventReader(response);
    }

    /// <summary>The next event; fails when none comes in time or the response ends first.</summary>
    public async Task<ServerSentEvent> NextAsync(TimeSpan? wait = null)
    {
        var (next, timedOut) = await _events.Reader.ReadWithinAsync(wait ?? TimeSpan.FromSeconds(10));
        if (timedOut)
            throw new Xunit.Sdk.XunitException($"No event within {wait ?? TimeSpan.FromSeconds(10)}.");
        return next ?? throw new Xunit.Sdk.XunitException("The response ended instead of sending an event.");
    }

    /// <summary>Asserts the response ends (after any events still unread) within <paramref name="wait"/>.</summary>
    public async Task EndedAsync(TimeSpan? wait = null)
    {
        try
        {
            await _reading.WaitAsync(wait ?? TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The response is still open after {wait ?? TimeSpan.FromSeconds(10)}.");
        }
    }

    /// <summary>The next event, or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<ServerSentEvent?> TryNextAsync(TimeSpan wait) => (await _events.Reader.ReadWithinAsync(wait)).Item;

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            string? type = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (type is not null || data.Count > 0)
                        _events.Writer.TryWrite(new ServerSentEvent(type ?? "message", string.Join('\n', data)));
                    (type, data) = (null, []);
                }
                else if (line.StartsWith(':'))
                    Interlocked.Increment(ref _comments);
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                    type = line["event:".Length..].TrimStart(' ');
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                    data.Add(line["data:".Length..] is var value && value.StartsWith(' ') ? value[1..] : value);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
        {
            // The response was cut off (or the test is done with it).
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
