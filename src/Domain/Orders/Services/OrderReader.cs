using System.Linq.Expressions;
using ETicket.Domain.Common;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

/// <summary>Orders as their buyer, their seller or an admin may read them.</summary>
public sealed class OrderReader(ETicketDbContext db, TimeProvider clock)
{
    private static readonly Ordering<Order> NewestFirst = Ordering<Order>.NewestFirst(x => x.CreatedAt, x => x.Id);

    /// <summary>The order for its buyer, its seller or an admin; null for anyone else, as if it did not exist.</summary>
    public async Task<Order?> FindForAsync(string? viewerId, bool viewerIsAdmin, string orderId, CancellationToken cancellationToken)
    {
        if (viewerId is null || !Ids.IsWellFormed(orderId))
            return null;
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        return order is not null && (order.BuyerId == viewerId || order.SellerId == viewerId || viewerIsAdmin) ? order : null;
    }

    public async Task<IReadOnlyDictionary<string, Order>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);

    /// <summary>The member's orders, newest first, as buyer, as seller or both, optionally in one status (as of now).</summary>
    public Task<Page<Order>> PageMineAsync(string memberId, OrderRole? role, OrderStatus? status, PageRequest request, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking().Where(role switch
        {
            OrderRole.Buyer => o => o.BuyerId == memberId,
            OrderRole.Seller => o => o.SellerId == memberId,
            _ => o => o.BuyerId == memberId || o.SellerId == memberId,
        });
        if (status is { } wanted)
            orders = orders.Where(InStatus(wanted, clock.Now()));
        return KeysetPaging.PageAsync(orders, NewestFirst, request, cancellationToken);
    }

    /// <summary>Completed trades per member, as buyer or seller: a public reputation figure.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountCompletedTradesAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var completed = db.Orders.Where(o => o.Status == OrderStatus.Completed);
        var asBuyer = await completed.Where(o => memberIds.Contains(o.BuyerId))
            .GroupBy(o => o.BuyerId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var asSeller = await completed.Where(o => memberIds.Contains(o.SellerId))
            .GroupBy(o => o.SellerId).Select(g => new { MemberId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return asBuyer.Concat(asSeller).GroupBy(c => c.MemberId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    /// <summary>The status as of now, in SQL: an unpaid order past its deadline counts as CANCELLED.</summary>
    public static Expression<Func<Order, bool>> InStatus(OrderStatus status, DateTimeOffset now) => status switch
    {
        OrderStatus.PendingPayment => o => o.Status == OrderStatus.PendingPayment && o.PaymentDeadline > now,
        OrderStatus.Cancelled => o => o.Status == OrderStatus.Cancelled || (o.Status == OrderStatus.PendingPayment && o.PaymentDeadline <= now),
        _ => o => o.Status == status,
    };
}
