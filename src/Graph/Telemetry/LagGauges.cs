using System.Diagnostics.Metrics;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;
using ETicket.Search;
using ETicket.Search.Indexing;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Telemetry;

/// <summary>
/// The gauges of how far behind the platform's background readers are, where they run (all-in-one
/// and tickets): <c>eticket.outbox.lag</c>, how long the oldest event the outbox relay has not
/// delivered has waited, and <c>eticket.search.lag</c>, the same for the oldest listing change the
/// search index lacks. Each reads a <see cref="LastMeasurement"/>: a query at most once per
/// <see cref="TelemetryOptions.LagRefreshInterval"/>. A hosted service so the gauges exist from the
/// start, and so a measurement in progress is awaited before the host disposes what it uses.
/// </summary>
internal sealed class LagGauges : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly LastMeasurement _outbox;
    private readonly LastMeasurement _search;

    public LagGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<LagGauges> logger)
    {
        var interval = options.Value.LagRefreshInterval;
        _outbox = new LastMeasurement((services, cancellationToken) =>
                OutboxLag.UndeliveredAsync(services.GetRequiredService<ETicketDbContext>(), clock.GetUtcNow(), cancellationToken),
            scopes, clock, interval, logger, _stopping.Token);
        _search = new LastMeasurement((services, cancellationToken) =>
                SearchLag.MeasureAsync(services.GetRequiredService<IListingSearchIndex>(), services.GetRequiredService<ETicketDbContext>(), clock.GetUtcNow(), cancellationToken),
            scopes, clock, interval, logger, _stopping.Token);
        meters.Create(TelemetryNames.Outbox).CreateObservableGauge("eticket.outbox.lag", _outbox.Read, "s",
            "How long the oldest event the outbox relay has not yet delivered has waited; 0 when none waits.");
        meters.Create(TelemetryNames.Search).CreateObservableGauge("eticket.search.lag", _search.Read, "s",
            "How long the oldest listing change missing from the search index has waited; 0 when none is missing.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_outbox.StoppedAsync(), _search.StoppedAsync()).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();
}
