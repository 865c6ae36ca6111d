using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Orders;

/// <summary>Orders by id, one query per batch (federation's _entities).</summary>
public sealed class OrderLoader(OrderReader orders) : BatchLoader<string, Order>
{
    protected override Task<IReadOnlyDictionary<string, Order>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        orders.FindManyAsync(keys, cancellationToken);
}

/// <summary>Completed trades per member, two grouped queries per batch.</summary>
public sealed class CompletedTradesLoader(OrderReader orders) : BatchLoader<string, CompletedTrades>
{
    protected override async Task<IReadOnlyDictionary<string, CompletedTrades>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var counts = await orders.CountCompletedTradesAsync(keys, cancellationToken);
        return keys.ToDictionary(key => key, key => new CompletedTrades(counts.GetValueOrDefault(key)));
    }
}

/// <summary>A count, boxed so the batch loader can cache it like an entity.</summary>
public sealed record CompletedTrades(int Count);
