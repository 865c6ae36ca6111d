using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

/// <summary>The deadlines orders keep by themselves: unpaid ones are cancelled, unconfirmed ones complete.</summary>
public sealed class OrderDeadlines(ETicketDbContext db, Settlement settlement)
{
    private const int BatchSize = 100;

    /// <summary>
    /// Cancels the unpaid orders in <paramref name="scope"/> whose payment deadline passed and puts their
    /// listings back on sale. Those with a payment waiting at the provider are left to
    /// <see cref="PaymentDeadlineSweep"/>, which closes it first.
    /// </summary>
    public async Task<int> CancelUnpaidAsync(IQueryable<Order> scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await scope
            .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentDeadline <= now && o.PaymentHandle == null)
            .OrderBy(o => o.PaymentDeadline)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.Cancel(now);
            settlement.Cancelled(order, await db.Listings.SingleAsync(l => l.Id == order.ListingId, cancellationToken), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Cancels one unpaid order past its deadline whose payment the provider has closed; false when it was no longer unpaid.</summary>
    public Task<bool> CancelClosedAsync(string orderId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Transactions.OnceMoreIfOvertakenAsync(() => db.InTransactionAsync(async ct =>
        {
            var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
            if (order.Cancel(now) is not null)
                return false;
            settlement.Cancelled(order, await db.Listings.SingleAsync(l => l.Id == order.ListingId, ct), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, _ => true, cancellationToken));

    /// <summary>Completes the paid orders in <paramref name="scope"/> whose confirmation window closed without a dispute.</summary>
    public async Task<int> CompleteUnconfirmedAsync(IQueryable<Order> scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await scope
            .Where(o => o.Status == OrderStatus.Paid && o.ConfirmDeadline <= now)
            .OrderBy(o => o.ConfirmDeadline)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var order in due)
        {
            order.CompleteUnconfirmed(now);
            await settlement.CompletedAsync(order, await db.Listings.SingleAsync(l => l.Id == order.ListingId, cancellationToken), now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
