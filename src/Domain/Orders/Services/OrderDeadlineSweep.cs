using ETicket.Domain.Marketplace;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

/// <summary>The sweep's share: both deadlines, a batch at a time, each batch one transaction.</summary>
public sealed class OrderDeadlineSweep(ETicketDbContext db, OrderDeadlines deadlines) : IMarketplaceSweep
{
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var cancelled = await db.InTransactionAsync(ct => deadlines.CancelUnpaidAsync(db.Orders, now, ct), _ => true, cancellationToken);
            var completed = await db.InTransactionAsync(ct => deadlines.CompleteUnconfirmedAsync(db.Orders, now, ct), _ => true, cancellationToken);
            return cancelled + completed;
        }
        catch (DbUpdateException failure) when (failure is DbUpdateConcurrencyException || failure.IsRepeatedLedgerEntry(db))
        {
            // A buyer, or another process's sweep, moved one of these orders first; the next sweep sees the new state.
            return 0;
        }
    }
}
