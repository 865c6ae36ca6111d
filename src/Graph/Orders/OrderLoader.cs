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
