using ETicket.Graph.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Health;

/// <summary>Readiness is logged when it changes, not at every probe.</summary>
public sealed class ReadinessLogTests
{
    private static HealthReport Report(params (string Name, HealthStatus Status, Exception? Cause)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Status, null, TimeSpan.Zero, c.Cause, null)), TimeSpan.Zero);

    [Fact]
    public void A_start_not_ready_yet_informs_and_a_later_loss_of_readiness_warns_once_with_its_cause()
    {
        var logger = new FakeLogger<ReadinessLog>();
        var log = new ReadinessLog(logger);
        var down = new InvalidOperationException("Redis does not answer");

        log.Observe(Report(("database", HealthStatus.Healthy, null), ("search", HealthStatus.Unhealthy, null)));
        log.Observe(Report(("database", HealthStatus.Healthy, null), ("search", HealthStatus.Unhealthy, null)));
        log.Observe(Report(("database", HealthStatus.Healthy, null), ("search", HealthStatus.Degraded, null)));
        log.Observe(Report(("database", HealthStatus.Healthy, null), ("search", HealthStatus.Healthy, null)));
        for (var probe = 0; probe < 5; probe++)
            log.Observe(Report(("redis", HealthStatus.Unhealthy, down), ("outboxLag", HealthStatus.Unhealthy, null)));
        log.Observe(Report(("redis", HealthStatus.Healthy, null)));

        var records = logger.Collector.GetSnapshot();
        Assert.Equal(
            [(LogLevel.Information, "Not ready yet: search (/readyz says why)."),
             (LogLevel.Information, "Ready: every readiness check passes."),
             (LogLevel.Warning, "No longer ready: redis, outboxLag (/readyz says why)."),
             (LogLevel.Information, "Ready: every readiness check passes.")],
            records.Select(r => (r.Level, r.Message)));
        Assert.Same(down, records[2].Exception);
    }
}
