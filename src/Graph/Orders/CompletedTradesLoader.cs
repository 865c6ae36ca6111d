using ETicket.Domain.Orders.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Orders;

/// <summary>Completed trades per member, two grouped queries per batch.</summary>
public sealed class CompletedTradesLoader(OrderReader orders) : BatchLoader<string, CompletedTrades>
{
    protected override async Task<IReadOnlyDictionary<string, CompletedTrades>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var counts = await orders.CountCompletedTradesAsync(keys, cancellationToken);
        return keys.ToDictionary(key => key, key => new CompletedTrades(counts.GetValueOrDefault(key)));
    }
}
