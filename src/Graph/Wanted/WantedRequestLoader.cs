using ETicket.Domain.Wanted;
using ETicket.Domain.Wanted.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Wanted;

/// <summary>Wanted requests by id, one query per batch.</summary>
public sealed class WantedRequestLoader(WantedRequests requests) : BatchLoader<string, WantedRequest>
{
    protected override Task<IReadOnlyDictionary<string, WantedRequest>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        requests.FindManyAsync(keys, cancellationToken);
}
