using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ETicket.Graph.Health;

/// <summary>
/// Logs readiness when it changes, as the probes see it: a process that stops being ready says so
/// once (Warning, with the checks that failed and the first one's exception), and again once it is ready. The health checks
/// service's own log, an Error per failing check per probe, is off (appsettings.json): a process
/// still building its search index at start is not an error, and a database outage probed every
/// few seconds would bury everything else.
/// </summary>
public sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    private readonly Lock _gate = new();
    private HealthStatus? _last;
    private bool _wasReady;

    public void Observe(HealthReport report)
    {
        var ready = report.Status != HealthStatus.Unhealthy;
        lock (_gate)
        {
            if (_last is { } last && (last != HealthStatus.Unhealthy) == ready)
                return;
            _last = report.Status;
            if (ready)
            {
                LogReady();
                _wasReady = true;
                return;
            }
            var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).ToList();
            var names = string.Join(", ", failing.Select(e => e.Key));
            var cause = failing.Select(e => e.Value.Exception).FirstOrDefault(e => e is not null);
            if (_wasReady)
                LogNoLongerReady(cause, names);
            else
                LogNotReadyYet(cause, names);
        }
    }

    [LoggerMessage(LogLevel.Information, "Ready: every readiness check passes.")]
    private partial void LogReady();

    [LoggerMessage(LogLevel.Information, "Not ready yet: {Checks} (/readyz says why).")]
    private partial void LogNotReadyYet(Exception? cause, string checks);

    [LoggerMessage(LogLevel.Warning, "No longer ready: {Checks} (/readyz says why).")]
    private partial void LogNoLongerReady(Exception? cause, string checks);
}
