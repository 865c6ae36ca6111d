namespace ETicket.Domain.Orders.Payments;

/// <summary>
/// Development's and the tests' provider: every payment is taken at once, every refund and payout
/// succeeds at once, and no real money moves. References derive from the numbers, so it is
/// idempotent as the port requires.
/// </summary>
public sealed class SandboxPaymentProvider(TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<PaymentStart>(new PaidAtOnce(new ConfirmedPayment(request.OrderId, $"sandbox-{request.OrderId}", request.Amount, clock.GetUtcNow())));

    public ClientPayment Resume(string handle) =>
        throw new InvalidOperationException("The sandbox takes payments at once; it has none to resume.");

    // Nothing ever waits in the sandbox: what it took was confirmed when it was taken.
    public Task<PaymentLookup> QueryAsync(string orderId, CancellationToken cancellationToken) => Task.FromResult(PaymentLookup.Unknown);

    public Task<PaymentLookup> CloseAsync(string orderId, CancellationToken cancellationToken) => Task.FromResult(PaymentLookup.Closed);

    public Task<TransferProgress> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferProgress(TransferState.Succeeded, $"sandbox-{request.RefundNumber}"));

    public Task<TransferProgress> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferProgress(TransferState.Succeeded, $"sandbox-{refundNumber}"));

    public Task<TransferProgress> PayOutAsync(PayoutRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferProgress(TransferState.Succeeded, $"sandbox-{request.TransferNumber}"));

    public Task<TransferProgress> QueryPayoutAsync(string transferNumber, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferProgress(TransferState.Succeeded, $"sandbox-{transferNumber}"));
}
