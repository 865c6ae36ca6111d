using System.Net.Http.Json;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// OTLP export, switched on by OpenTelemetry's standard OTEL_EXPORTER_OTLP_ENDPOINT: traces, metrics
/// and logs reach a stand-in collector (OTLP over HTTP, protobuf) on loopback.
/// </summary>
public sealed class OtlpTelemetryTests
{
    [Fact]
    public async Task With_an_endpoint_traces_metrics_and_logs_are_exported_by_OTLP()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within moments, not after the defaults' 5 s (spans, logs) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        var caller = CallerTrace.New();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "query Exported { __typename }" }) };
        using var response = await caller.SendAsync(server.BaseAddress, request);
        response.EnsureSuccessStatusCode();

        // Protobuf: ids as their raw bytes, names and attributes as UTF-8.
        await collector.ReceivedAsync("/v1/traces", Convert.FromHexString(caller.TraceId.ToString()));
        await collector.ReceivedAsync("/v1/traces", "query Exported"u8.ToArray());
        await collector.ReceivedAsync("/v1/traces", "eticket-allinone"u8.ToArray());
        await collector.ReceivedAsync("/v1/metrics", "eticket.graphql.requests"u8.ToArray());
        await collector.ReceivedAsync("/v1/logs", "WeChat sign-in is off"u8.ToArray());
    }

    [Fact]
    public async Task An_idle_platform_exports_no_traces_though_its_background_loops_poll_the_database()
    {
        // A process of its own: in this one, every test server's EF Core commands reach every tracer provider.
        await using var collector = await OtlpCollector.StartAsync();
        await using var platform = await PlatformProcess.StartAsync("Production", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });

        // The relay, the indexer and the sweep poll several times a second; metrics go out meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await collector.ReceivedAsync("/v1/metrics", "eticket.outbox.lag"u8.ToArray());
        Assert.Equal(0, collector.Count("/v1/traces"));

        // A request's trace does go out, its database commands with it.
        var caller = CallerTrace.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ listings(first: 1) { totalCount } }" }) };
        using var response = await caller.SendAsync(platform.BaseAddress, request);
        response.EnsureSuccessStatusCode();
        await collector.ReceivedAsync("/v1/traces", Convert.FromHexString(caller.TraceId.ToString()));
    }
}
