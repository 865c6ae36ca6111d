using System.Net.Http.Json;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint: served at /metrics when ETicket:Telemetry:Prometheus is true,
/// absent otherwise. The enabled case runs the built platform as a process of its own, as deployed:
/// meters are process-wide, and in this process other tests' servers publish the same ones.
/// </summary>
public sealed class PrometheusTelemetryTests
{
    [Fact]
    public async Task When_enabled_metrics_answers_the_platforms_metrics_in_Prometheus_text()
    {
        await using var platform = await PlatformProcess.StartAsync("Production", new Dictionary<string, string>
        {
            ["ETicket__Telemetry__Prometheus"] = "true",
        });
        using var http = new HttpClient { BaseAddress = platform.BaseAddress };
        using (var broken = await http.PostAsJsonAsync("/graphql", new { query = "{ nosuchfield }" }, TestContext.Current.CancellationToken))
            Assert.Equal("BAD_USER_INPUT", (await GraphQLResponse.ReadAsync(broken)).FirstErrorCode);

        // The lag gauges measure in the background after the first collection: scrape until they report.
        string text;
        var scrapes = 0;
        do
        {
            await Task.Delay(scrapes++ == 0 ? 0 : 500, TestContext.Current.CancellationToken);
            using var response = await http.GetAsync("/metrics", TestContext.Current.CancellationToken);
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        while (!text.Contains("eticket_search_lag_seconds{", StringComparison.Ordinal) && scrapes < 30);

        Assert.Contains("# TYPE eticket_graphql_requests_total counter", text);
        Assert.Matches("""(?m)^eticket_graphql_errors_total\{[^}]*eticket_graphql_error_code="BAD_USER_INPUT"[^}]*\} 1$""", text);
        Assert.Contains("# TYPE eticket_graphql_operation_duration_seconds histogram", text);
        Assert.Contains("eticket_graphql_operation_duration_seconds_bucket{", text);
        Assert.Matches("""(?m)^eticket_outbox_lag_seconds\{[^}]*\} [0-9.]+$""", text);
        Assert.Matches("""(?m)^eticket_search_lag_seconds\{[^}]*\} [0-9.]+$""", text);
        // ASP.NET Core's own meters come along, and the service is named after the role.
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("service_name=\"eticket-allinone\"", text);
    }

    [Fact]
    public async Task By_default_there_is_no_metrics_endpoint()
    {
        await using var server = await PlatformServer.StartAsync();

        using var response = await server.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Null(server.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)));
    }
}
