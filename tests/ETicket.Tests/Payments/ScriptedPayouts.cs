using System.Collections.Concurrent;
using ETicket.Domain.Orders.Payments;

namespace ETicket.Tests.Payments;

/// <summary>
/// The sandbox, except that payouts answer what the test scripts, in order (then succeed), and are
/// remembered: a payment provider that fails or cannot be reached, on demand.
/// </summary>
public sealed class ScriptedPayouts(TimeProvider clock) : IPaymentProvider
{
    private readonly SandboxPaymentProvider _sandbox = new(clock);
    private readonly ConcurrentQueue<Func<PayoutRequest, TransferProgress>> _script = new();

    public string Name => "scripted";

    /// <summary>The transfer numbers asked, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public void Script(params Func<PayoutRequest, TransferProgress>[] answers)
    {
        foreach (var answer in answers)
            _script.Enqueue(answer);
    }

    public static TransferProgress Fail(PayoutRequest _) => new(TransferState.Failed, Failure: "The payee's account cannot receive transfers.");

    public static TransferProgress Unreachable(PayoutRequest _) => throw new HttpRequestException("connection refused");

    public Task<TransferProgress> PayOutAsync(PayoutRequest request, CancellationToken cancellationToken)
    {
        Asked.Enqueue(request.TransferNumber);
        return _script.TryDequeue(out var answer)
            ? Task.FromResult(answer(request))
            : _sandbox.PayOutAsync(request, cancellationToken);
    }

    public Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken) => _sandbox.StartAsync(request, cancellationToken);
    public ClientPayment Resume(string handle) => _sandbox.Resume(handle);
    public Task<PaymentLookup> QueryAsync(string orderId, CancellationToken cancellationToken) => _sandbox.QueryAsync(orderId, cancellationToken);
    public Task<PaymentLookup> CloseAsync(string orderId, CancellationToken cancellationToken) => _sandbox.CloseAsync(orderId, cancellationToken);
    public Task<TransferProgress> RefundAsync(RefundRequest request, CancellationToken cancellationToken) => _sandbox.RefundAsync(request, cancellationToken);
    public Task<TransferProgress> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken) => _sandbox.QueryRefundAsync(refundNumber, cancellationToken);
    public Task<TransferProgress> QueryPayoutAsync(string transferNumber, CancellationToken cancellationToken) => _sandbox.QueryPayoutAsync(transferNumber, cancellationToken);
}
