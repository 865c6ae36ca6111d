namespace ETicket.Domain.Orders;

public enum OrderStatus
{
    /// <summary>The listing is reserved for the buyer until the payment deadline.</summary>
    PendingPayment,
    /// <summary>Money held in escrow; the code is revealed to the buyer.</summary>
    Paid,
    /// <summary>The buyer reported that the ticket did not work.</summary>
    Disputed,
    /// <summary>The buyer confirmed, or the confirmation window passed; the seller is paid.</summary>
    Completed,
    /// <summary>A dispute was resolved for the buyer.</summary>
    Refunded,
    /// <summary>The buyer cancelled, or the payment deadline passed.</summary>
    Cancelled,
}
