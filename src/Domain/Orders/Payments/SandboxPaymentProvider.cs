namespace ETicket.Domain.Orders.Payments;

/// <summary>
/// The built-in provider until WeChat Pay is wired in: every charge succeeds and moves no real
/// money. Its reference is derived from the order id, so it is idempotent per order as required.
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public string Name => "sandbox";

    public Task<string> ChargeAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult($"sandbox-{request.OrderId}");
}
