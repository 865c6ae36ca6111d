namespace ETicket.Domain.DemoData;

/// <summary>What happens to one demo order, from its purchase to the state it ends the demo in.</summary>
public enum OrderStory
{
    /// <summary>Paid, and confirmed by the buyer: COMPLETED.</summary>
    Completed,
    /// <summary>Paid, never confirmed; the sweep completed it when the confirmation window closed: COMPLETED.</summary>
    CompletedUnconfirmed,
    /// <summary>Paid, disputed, resolved for the seller: COMPLETED.</summary>
    CompletedAfterDispute,
    /// <summary>Paid, disputed, resolved for the buyer: REFUNDED.</summary>
    Refunded,
    /// <summary>Cancelled by the buyer before paying: CANCELLED.</summary>
    CancelledByBuyer,
    /// <summary>Never paid; the sweep cancelled it at the payment deadline: CANCELLED.</summary>
    CancelledUnpaid,
    /// <summary>Paid, then disputed, waiting for an admin: DISPUTED.</summary>
    Disputed,
    /// <summary>Paid recently, the confirmation window still open: PAID.</summary>
    Paid,
    /// <summary>Bought in the last minutes, not paid yet: PENDING_PAYMENT until its deadline passes.</summary>
    PendingPayment,
}
