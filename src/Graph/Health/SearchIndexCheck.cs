using ETicket.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ETicket.Graph.Health;

/// <summary>
/// Ready while the search index answers queries: the embedded index is open, or the Elasticsearch
/// index behind the alias is readable (asking it is what proves the backend reachable). An index
/// built for an older mapping still answers while its rebuild runs: degraded, still ready.
/// </summary>
public sealed class SearchIndexCheck(IListingSearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        (await index.InspectAsync(cancellationToken)).Health switch
        {
            SearchIndexHealth.Ready => HealthCheckResult.Healthy(),
            SearchIndexHealth.Outdated => HealthCheckResult.Degraded(),
            _ => new HealthCheckResult(context.Registration.FailureStatus),
        };
}
