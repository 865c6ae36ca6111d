namespace ETicket.Domain.Orders.Payments;

/// <summary>How a payment started: taken at once (<see cref="PaidAtOnce"/>), or waiting for the payer (<see cref="AwaitingPayer"/>).</summary>
public abstract record PaymentStart;

public sealed record PaidAtOnce(ConfirmedPayment Payment) : PaymentStart;

/// <param name="Handle">The provider's id of the started payment (WeChat Pay's prepay_id), to sign it again with <see cref="IPaymentProvider.Resume"/>.</param>
/// <param name="Client">What the buyer's client needs to pay.</param>
public sealed record AwaitingPayer(string Handle, ClientPayment Client) : PaymentStart;

/// <summary>The provider took <paramref name="Amount"/> for <paramref name="OrderId"/> at <paramref name="PaidAt"/>.</summary>
/// <param name="Reference">The provider's id of the money movement (WeChat Pay's transaction_id).</param>
public sealed record ConfirmedPayment(string OrderId, string Reference, decimal Amount, DateTimeOffset PaidAt);

/// <summary>
/// The parameters of <c>wx.requestPayment</c> in the mini-program, signed by the merchant: the
/// client passes them on as they are.
/// </summary>
public sealed record ClientPayment(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

/// <summary>The provider's view of an order's payment.</summary>
/// <param name="Payment">Set when <paramref name="State"/> is <see cref="PaymentState.Paid"/>.</param>
public sealed record PaymentLookup(PaymentState State, ConfirmedPayment? Payment = null)
{
    public static readonly PaymentLookup Unknown = new(PaymentState.Unknown);
    public static readonly PaymentLookup Unpaid = new(PaymentState.Unpaid);
    public static readonly PaymentLookup Closed = new(PaymentState.Closed);
}

public enum PaymentState
{
    /// <summary>The provider has no payment for the order.</summary>
    Unknown,
    /// <summary>Started, not paid yet.</summary>
    Unpaid,
    Paid,
    /// <summary>Closed unpaid: it can no longer be paid.</summary>
    Closed,
}
