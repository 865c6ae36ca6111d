namespace ETicket.Domain.Orders;

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
