using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;

namespace ETicket.Domain.Orders;

/// <summary>
/// One purchase of one listing, through escrow. Every transition checks the state it starts from
/// and answers INVALID_STATE otherwise; <see cref="Version"/> makes racing transitions fail safely.
/// </summary>
public sealed class Order : IEntity
{
    public const int DisputeReasonMinLength = 2;
    public const int DisputeReasonMaxLength = 500;
    public const int NoteMaxLength = 500;

    /// <summary>Buyer steps (pay, cancel, confirm, dispute) are the buyer's alone; null when <paramref name="memberId"/> is the buyer.</summary>
    public UserError? CheckBuyer(string memberId) =>
        BuyerId == memberId ? null : new UserError(UserErrorCode.NotAllowed, "Only the order's buyer can do this.", "orderId");

    /// <summary>A dispute says what went wrong, briefly; null when <paramref name="reason"/> (trimmed) does.</summary>
    public static UserError? CheckDisputeReason(string reason) =>
        reason.Length is < DisputeReasonMinLength or > DisputeReasonMaxLength
            ? UserError.Validation("reason", $"Say what went wrong in {DisputeReasonMinLength} to {DisputeReasonMaxLength} characters.")
            : null;

    /// <summary>An admin's note on a resolved dispute is optional and short.</summary>
    public static UserError? CheckResolutionNote(string? note) =>
        note is { Length: > NoteMaxLength } ? UserError.Validation("note", $"A note has at most {NoteMaxLength} characters.") : null;

    private Order() { }

    public string Id { get; private set; } = "";
    public string ListingId { get; private set; } = "";
    public string BuyerId { get; private set; } = "";
    public string SellerId { get; private set; } = "";
    public decimal Price { get; private set; }
    public decimal ServiceCharge { get; private set; }
    public decimal Total { get; private set; }

    /// <summary>The buyer's level the service charge was computed for.</summary>
    public MembershipLevel BuyerLevel { get; private set; }

    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset PaymentDeadline { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    public DateTimeOffset? ConfirmDeadline { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? DisputedAt { get; private set; }
    public string? DisputeReason { get; private set; }
    public DateTimeOffset? RefundedAt { get; private set; }
    public string? ResolutionNote { get; private set; }

    /// <summary>The payment provider's reference for the charge.</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>A payment started at a provider that waits for the buyer (WeChat Pay's prepay_id); null in the sandbox.</summary>
    public string? PaymentHandle { get; private set; }

    /// <summary>When the provider was last asked about the waiting payment (the deadline sweep).</summary>
    public DateTimeOffset? PaymentCheckedAt { get; private set; }

    public int Version { get; private set; }

    public static Order Place(Listing listing, string buyerId, ServiceChargeQuote quote, DateTimeOffset now, TimeSpan paymentWindow) => new()
    {
        Id = Ids.New(),
        ListingId = listing.Id,
        BuyerId = buyerId,
        SellerId = listing.SellerId,
        Price = quote.Price,
        ServiceCharge = quote.ServiceCharge,
        Total = quote.Total,
        BuyerLevel = quote.Level,
        Status = OrderStatus.PendingPayment,
        CreatedAt = now,
        PaymentDeadline = now + paymentWindow,
    };

    /// <summary>The status as of <paramref name="now"/>: an unpaid order past its deadline is CANCELLED before any job records it.</summary>
    public OrderStatus StatusAt(DateTimeOffset now) =>
        Status == OrderStatus.PendingPayment && PaymentDeadline <= now ? OrderStatus.Cancelled : Status;

    /// <summary>The buyer sees the ticket code once they paid, and keeps seeing it.</summary>
    public bool RevealsCodeToBuyer => Status is OrderStatus.Paid or OrderStatus.Disputed or OrderStatus.Completed;

    /// <summary>Whether the order can still be paid at <paramref name="now"/>; null when it can.</summary>
    public UserError? CheckPayable(DateTimeOffset now)
    {
        if (Status == OrderStatus.PendingPayment && PaymentDeadline <= now)
            return new UserError(UserErrorCode.InvalidState, "The payment deadline has passed, so this order is cancelled; buy the listing again if it is still on sale.");
        return Status != OrderStatus.PendingPayment ? NotIn("paid", "waiting for payment") : null;
    }

    /// <summary>
    /// Moves to PAID: the provider took the money at <paramref name="paidAt"/> (within the deadline),
    /// and we learnt of it at <paramref name="now"/>, from which the buyer's confirmation window runs.
    /// </summary>
    public UserError? Pay(string reference, DateTimeOffset paidAt, DateTimeOffset now, TimeSpan confirmWindow)
    {
        if (CheckPayable(paidAt) is { } refused)
            return refused;
        Status = OrderStatus.Paid;
        PaidAt = paidAt;
        ConfirmDeadline = now + confirmWindow;
        PaymentReference = reference;
        PaymentHandle = null;
        Version++;
        return null;
    }

    /// <summary>The buyer pays in their client; the provider confirms later (a notification, or the sweep's query).</summary>
    public void AwaitPayment(string handle)
    {
        PaymentHandle = handle;
        Version++;
    }

    /// <summary>A payment that reached a cancelled order: kept for the refund that follows, the order stays cancelled.</summary>
    public void RecordLatePayment(string reference) => PaymentReference = reference;

    public UserError? Cancel(DateTimeOffset now)
    {
        if (Status != OrderStatus.PendingPayment)
            return NotIn("cancelled", "waiting for payment");
        Status = OrderStatus.Cancelled;
        CancelledAt = now;
        PaymentHandle = null;
        Version++;
        return null;
    }

    public UserError? Confirm(DateTimeOffset now)
    {
        if (Status != OrderStatus.Paid)
            return NotIn("confirmed", "paid");
        Complete(now);
        return null;
    }

    /// <summary>The confirmation window passed without a dispute.</summary>
    public bool CompleteUnconfirmed(DateTimeOffset now)
    {
        if (Status != OrderStatus.Paid || ConfirmDeadline > now)
            return false;
        Complete(now);
        return true;
    }

    public UserError? Dispute(string reason, DateTimeOffset now)
    {
        if (Status != OrderStatus.Paid)
            return NotIn("disputed", "paid");
        if (ConfirmDeadline <= now)
            return new UserError(UserErrorCode.InvalidState, "The confirmation window has closed; the order can no longer be disputed.");
        Status = OrderStatus.Disputed;
        DisputedAt = now;
        DisputeReason = reason;
        Version++;
        return null;
    }

    public UserError? ResolveDispute(bool refundBuyer, string? note, DateTimeOffset now)
    {
        if (Status != OrderStatus.Disputed)
            return NotIn("resolved", "disputed");
        ResolutionNote = note;
        if (refundBuyer)
        {
            Status = OrderStatus.Refunded;
            RefundedAt = now;
            Version++;
        }
        else
        {
            Complete(now);
        }
        return null;
    }

    private void Complete(DateTimeOffset now)
    {
        Status = OrderStatus.Completed;
        CompletedAt = now;
        Version++;
    }

    private UserError NotIn(string action, string requiredState) =>
        new(UserErrorCode.InvalidState, $"Only an order that is {requiredState} can be {action}; this one is {ContractNames.Of(Status)}.");
}
