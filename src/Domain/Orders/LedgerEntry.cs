using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders;

/// <summary>Where money sits: the buyer, the payment provider, escrow, the seller, the platform.</summary>
public enum LedgerAccount { Buyer, PaymentProvider, Escrow, Seller, Platform }

public enum LedgerEntryKind
{
    /// <summary>The payment provider takes the total from the buyer.</summary>
    Charge,
    /// <summary>The total moves into escrow.</summary>
    Hold,
    /// <summary>Escrow pays the price to the seller.</summary>
    Payout,
    /// <summary>Escrow pays the service charge to the platform.</summary>
    PlatformFee,
    /// <summary>Escrow returns the total to the buyer.</summary>
    Refund,
}

/// <summary>
/// One money movement of an order's escrow, double-entry: from one account to another. Entries are
/// only ever added; at most one of each kind per order (a unique index), so nothing is paid twice.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry() { }

    public long Id { get; private set; }
    public string OrderId { get; private set; } = "";
    public LedgerEntryKind Kind { get; private set; }
    public LedgerAccount From { get; private set; }
    public LedgerAccount To { get; private set; }
    public decimal Amount { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The payment provider's reference, for entries it carried out.</summary>
    public string? Reference { get; private set; }

    public static LedgerEntry Record(Order order, LedgerEntryKind kind, decimal amount, DateTimeOffset now, string? reference = null)
    {
        var (from, to) = kind switch
        {
            LedgerEntryKind.Charge => (LedgerAccount.Buyer, LedgerAccount.PaymentProvider),
            LedgerEntryKind.Hold => (LedgerAccount.PaymentProvider, LedgerAccount.Escrow),
            LedgerEntryKind.Payout => (LedgerAccount.Escrow, LedgerAccount.Seller),
            LedgerEntryKind.PlatformFee => (LedgerAccount.Escrow, LedgerAccount.Platform),
            LedgerEntryKind.Refund => (LedgerAccount.Escrow, LedgerAccount.Buyer),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return new LedgerEntry { OrderId = order.Id, Kind = kind, From = from, To = to, Amount = amount, RecordedAt = now, Reference = reference };
    }
}

public static class LedgerEntryConflicts
{
    /// <summary>
    /// A second entry of one kind for one order: another transaction settled the same order first
    /// (the unique index saw it before the order's version did). Nothing was paid twice.
    /// </summary>
    public static bool IsRepeatedLedgerEntry(this DbUpdateException failure, ETicketDbContext db) =>
        failure.ViolatesUniqueIndex<LedgerEntry>(db, nameof(LedgerEntry.OrderId), nameof(LedgerEntry.Kind));
}
