using ETicket.Domain.Persistence;
using ETicket.Search;
using ETicket.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Health;

/// <summary>Ready while search keeps up with the listings: it misses no change older than <see cref="HealthOptions.MaxSearchLag"/>.</summary>
public sealed class SearchLagCheck(IListingSearchIndex index, ETicketDbContext db, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await SearchLag.MeasureAsync(index, db, clock.GetUtcNow(), cancellationToken) <= options.Value.MaxSearchLag
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus);
}
