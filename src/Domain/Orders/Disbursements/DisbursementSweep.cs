using ETicket.Domain.Marketplace;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Disbursements;

/// <summary>The sweep's share: refunds and payouts that are due to be asked (again), a batch at a time.</summary>
public sealed class DisbursementSweep(ETicketDbContext db, DisbursementRunner runner) : IMarketplaceSweep
{
    private const int BatchSize = 20;

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.Disbursements.AsNoTracking()
            .Where(d => d.NextCheckAt != null && d.NextCheckAt <= now)
            .OrderBy(d => d.NextCheckAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var disbursement in due)
            await runner.RunAsync(disbursement, cancellationToken);
        return due.Count;
    }
}
