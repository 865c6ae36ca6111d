using System.Collections.Concurrent;
using System.Text;
using ETicket.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ETicket.Tests.Telemetry;

/// <summary>An OTLP/HTTP receiver that keeps every body posted to it, by path.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<OtlpCollector> StartAsync()
    {
        var app = LoopbackApp.Create();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            collector._received.Enqueue((http.Request.Path, body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";
        });
        collector.Address = await LoopbackApp.StartAsync(app);
        return collector;
    }

    /// <summary>Waits (10 s at most) for a body posted to <paramref name="path"/> that holds <paramref name="bytes"/>.</summary>
    public async Task ReceivedAsync(string path, byte[] bytes)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_received.Any(r => r.Path == path && r.Body.AsSpan().IndexOf(bytes) >= 0))
                return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"No OTLP export to {path} held \"{Encoding.UTF8.GetString(bytes)}\"; received: "
            + string.Join(", ", _received.Select(r => $"{r.Path} ({r.Body.Length} bytes)")));
    }

    /// <summary>How many bodies were posted to <paramref name="path"/>.</summary>
    public int Count(string path) => _received.Count(r => r.Path == path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
