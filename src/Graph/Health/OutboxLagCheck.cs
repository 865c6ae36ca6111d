using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Health;

/// <summary>
/// Ready while the outbox relay keeps up: events wait no longer than <see cref="HealthOptions.MaxOutboxLag"/>.
/// The database is shared, so every process that may relay reports the lag of whichever relays.
/// </summary>
public sealed class OutboxLagCheck(ETicketDbContext db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await OutboxLag.UndeliveredAsync(db, clock.GetUtcNow(), cancellationToken) <= options.Value.MaxOutboxLag
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus);
}
