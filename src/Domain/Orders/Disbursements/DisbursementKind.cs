namespace ETicket.Domain.Orders.Disbursements;

/// <summary>Which way money leaves escrow.</summary>
public enum DisbursementKind
{
    /// <summary>Back to the buyer: a dispute resolved for them, or a payment that came after the order was cancelled.</summary>
    Refund,
    /// <summary>To the seller: their share of a completed order.</summary>
    Payout,
}
