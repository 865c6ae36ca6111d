using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

public static class LedgerEntryConflicts
{
    /// <summary>
    /// A second ledger entry, refund or payout of one kind for one order: another transaction settled
    /// the same order first (the unique index saw it before the order's version did). Nothing was paid twice.
    /// </summary>
    public static bool IsRepeatedLedgerEntry(this DbUpdateException failure, ETicketDbContext db) =>
        failure.ViolatesUniqueIndex<LedgerEntry>(db, nameof(LedgerEntry.OrderId), nameof(LedgerEntry.Kind))
        || failure.ViolatesUniqueIndex<Disbursement>(db, nameof(Disbursement.OrderId), nameof(Disbursement.Kind));
}
