namespace ETicket.Domain.Orders.Payments;

/// <summary>
/// Takes a buyer's money for an order. Implementations must be idempotent per order id: charging
/// an order again returns the first charge's reference and takes nothing more, so a retried request
/// can never charge twice.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>The provider's reference for the charge; throws <see cref="PaymentDeclinedException"/> when the money was not taken.</summary>
    Task<string> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken);
}
