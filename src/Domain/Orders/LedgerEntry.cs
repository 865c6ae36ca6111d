namespace ETicket.Domain.Orders;

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

    public static LedgerEntry Record(Order order, LedgerEntryKind kind, decimal amount, DateTimeOffset now, string? reference = null) =>
        Record(order.Id, kind, amount, now, reference);

    public static LedgerEntry Record(string orderId, LedgerEntryKind kind, decimal amount, DateTimeOffset now, string? reference = null)
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
        return new LedgerEntry { OrderId = orderId, Kind = kind, From = from, To = to, Amount = amount, RecordedAt = now, Reference = reference };
    }
}
