using System.Diagnostics.Metrics;
using OpenTelemetry;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// An observable gauge's value that costs a query to measure: a collection reads the last measurement
/// at once and, when it is older than the interval, starts one new measurement in the background for
/// the next collection. So however often Prometheus scrapes or OTLP exports, the query runs at most
/// once per interval, and never while a collection waits. Until the first measurement (or after one
/// failed) the gauge reports nothing rather than a stale value.
/// </summary>
public sealed class LastMeasurement(
    Func<IServiceProvider, CancellationToken, Task<TimeSpan>> measure,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    TimeSpan interval,
    ILogger logger,
    CancellationToken stopping)
{
    /// <summary>How long one measurement may take; a database that slow is reported by readiness, not here.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private double? _seconds;
    private long? _measuredAt;
    private Task _measuring = Task.CompletedTask;

    /// <summary>The gauge's callback.</summary>
    public IEnumerable<Measurement<double>> Read()
    {
        lock (_gate)
        {
            var stale = _measuredAt is not { } at || clock.GetElapsedTime(at) >= interval;
            if (stale && _measuring.IsCompleted && !stopping.IsCancellationRequested)
            {
                _measuredAt = clock.GetTimestamp();
                // Not the collection's context: the query is no child of a scrape's span.
                using (ExecutionContext.SuppressFlow())
                    _measuring = Task.Run(MeasureAsync, CancellationToken.None);
            }
            return _seconds is { } seconds ? [new Measurement<double>(seconds)] : [];
        }
    }

    /// <summary>Waits for a measurement in progress, so the services it uses outlive it.</summary>
    public Task StoppedAsync()
    {
        lock (_gate)
            return _measuring;
    }

    private async Task MeasureAsync()
    {
        double? seconds;
        try
        {
            // The platform's own bookkeeping: no spans for its queries.
            using var untraced = SuppressInstrumentationScope.Begin();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(Timeout);
            await using var scope = scopes.CreateAsyncScope();
            seconds = (await measure(scope.ServiceProvider, timeout.Token)).TotalSeconds;
        }
        catch (Exception ex)
        {
            // Readiness reports an unreachable database; the gauge just goes quiet.
            logger.LogDebug(ex, "Measuring a lag for the metrics failed");
            seconds = null;
        }
        lock (_gate)
            _seconds = seconds;
    }
}
