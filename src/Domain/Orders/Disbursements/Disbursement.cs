using ETicket.Domain.Common;
using ETicket.Domain.Orders.Payments;

namespace ETicket.Domain.Orders.Disbursements;

/// <summary>
/// Money leaving an order's escrow through the payment provider: a refund to the buyer or a payout
/// to the seller. Decided in the order's transaction and carried out after it, asked again until the
/// provider settles it; the ledger records it only once the provider says the money arrived. Each
/// attempt has its own <see cref="Number"/>, which the provider keeps idempotent, so asking twice
/// never pays twice; a new number is drawn only after the provider declared the last one failed.
/// </summary>
public sealed class Disbursement
{
    public const int FailureMaxLength = 200;
    public const int PayeeConfirmationMaxLength = 1000;
    public const int ReasonMaxLength = 80;

    private Disbursement() { }

    public string Id { get; private set; } = "";
    public string OrderId { get; private set; } = "";
    public DisbursementKind Kind { get; private set; }
    /// <summary>The member the money goes to: the buyer for a refund, the seller for a payout.</summary>
    public string PayeeId { get; private set; } = "";
    public decimal Amount { get; private set; }
    /// <summary>Why, in the words the provider shows the payee (a refund's reason, a transfer's remark).</summary>
    public string Reason { get; private set; } = "";
    public DisbursementStatus Status { get; private set; }
    /// <summary>The current attempt's number (out_refund_no, out_bill_no): 32 hex characters.</summary>
    public string Number { get; private set; } = "";
    public int Attempt { get; private set; }
    public string? Reference { get; private set; }
    public string? Failure { get; private set; }
    public string? PayeeConfirmation { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>When to ask the provider next, while it is not settled.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }
    public DateTimeOffset? SucceededAt { get; private set; }
    public int Version { get; private set; }

    public bool IsSettled => Status is DisbursementStatus.Succeeded or DisbursementStatus.Failed;

    public static Disbursement Decide(Order order, DisbursementKind kind, decimal amount, string reason, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        OrderId = order.Id,
        Kind = kind,
        PayeeId = kind == DisbursementKind.Refund ? order.BuyerId : order.SellerId,
        Amount = amount,
        Reason = reason,
        Status = DisbursementStatus.Pending,
        Number = Ids.New(),
        Attempt = 1,
        CreatedAt = now,
        UpdatedAt = now,
        NextCheckAt = now,
    };

    /// <summary>
    /// Takes the provider's word. Returns true when the money arrived with this call (the caller
    /// records it in the ledger); a settled disbursement changes no more.
    /// </summary>
    public bool Apply(TransferState state, string? reference, string? failure, string? payeeConfirmation, DateTimeOffset now, TimeSpan checkAgainIn)
    {
        if (IsSettled)
            return false;
        Reference = reference ?? Reference;
        UpdatedAt = now;
        Version++;
        switch (state)
        {
            case TransferState.Succeeded:
                Status = DisbursementStatus.Succeeded;
                SucceededAt = now;
                NextCheckAt = null;
                PayeeConfirmation = null;
                return true;
            case TransferState.Failed:
                Status = DisbursementStatus.Failed;
                Failure = Texts.Truncate(failure ?? "The payment provider refused it.", FailureMaxLength);
                NextCheckAt = null;
                PayeeConfirmation = null;
                return false;
            case TransferState.AwaitingPayee:
                Status = DisbursementStatus.AwaitingPayee;
                PayeeConfirmation = payeeConfirmation is { Length: <= PayeeConfirmationMaxLength } ? payeeConfirmation : null;
                NextCheckAt = now + checkAgainIn;
                return false;
            default:
                Status = DisbursementStatus.Processing;
                NextCheckAt = now + checkAgainIn;
                return false;
        }
    }

    /// <summary>The provider could not be asked (down, timed out): the same attempt is asked again later.</summary>
    public void Postpone(DateTimeOffset now, TimeSpan checkAgainIn)
    {
        UpdatedAt = now;
        NextCheckAt = now + checkAgainIn;
        Version++;
    }

    /// <summary>An admin tries a failed disbursement again: a new attempt, with a new number.</summary>
    public UserError? Retry(DateTimeOffset now)
    {
        if (Status != DisbursementStatus.Failed)
            return new UserError(UserErrorCode.InvalidState, "Only a failed refund or payout can be tried again.", "orderId");
        Status = DisbursementStatus.Pending;
        Number = Ids.New();
        Attempt++;
        Failure = null;
        UpdatedAt = now;
        NextCheckAt = now;
        Version++;
        return null;
    }
}
