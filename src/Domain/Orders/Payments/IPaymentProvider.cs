namespace ETicket.Domain.Orders.Payments;

/// <summary>
/// Where buyers' money comes from and goes back to: the sandbox, or WeChat Pay. Every call is
/// idempotent per its number (the order id, the refund's or the payout's number): asked again, the
/// provider answers the first call's result and moves no money twice, so callers may retry freely.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>Starts the buyer's payment: taken at once, or waiting for the buyer in their client.</summary>
    Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Signs a new request to pay for a payment started earlier (its <see cref="AwaitingPayer.Handle"/>).</summary>
    ClientPayment Resume(string handle);

    /// <summary>What the provider knows of the order's payment now.</summary>
    Task<PaymentLookup> QueryAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Makes the order's payment impossible from now on; a payment taken before that is answered as paid.</summary>
    Task<PaymentLookup> CloseAsync(string orderId, CancellationToken cancellationToken);

    Task<TransferProgress> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    Task<TransferProgress> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken);

    Task<TransferProgress> PayOutAsync(PayoutRequest request, CancellationToken cancellationToken);

    Task<TransferProgress> QueryPayoutAsync(string transferNumber, CancellationToken cancellationToken);
}
