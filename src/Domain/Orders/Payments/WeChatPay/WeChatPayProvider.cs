using ETicket.Domain.Common;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// The payment port on WeChat Pay API v3: JSAPI payments numbered by the order id, refunds and
/// merchant transfers numbered by the disbursement's attempt. WeChat Pay keeps each number
/// idempotent, which is what the port promises its callers.
/// </summary>
public sealed class WeChatPayProvider(WeChatPayClient client, RequestPaymentSigner signer) : IPaymentProvider
{
    public const string ProviderName = "wechatpay";

    // WeChat Pay's description is at most 127 bytes of UTF-8: 40 characters of a title fit whatever script it is in.
    private const int DescriptionCharacters = 40;

    public string Name => ProviderName;

    public async Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.PayerOpenId is not { } openId)
            throw new PaymentFailedException("Sign in with WeChat in the mini-program to pay with WeChat Pay.");
        var description = Texts.Truncate($"ETicket {request.Description}", DescriptionCharacters);
        var prepayId = await CallAsync(() => client.CreateJsapiTransactionAsync(request.OrderId, description, Fen.FromYuan(request.Amount), openId,
            request.Deadline, cancellationToken: cancellationToken));
        return new AwaitingPayer(prepayId, Resume(prepayId));
    }

    public ClientPayment Resume(string handle)
    {
        var signed = signer.Sign(handle);
        return new ClientPayment(signed.AppId, signed.TimeStamp, signed.NonceStr, signed.Package, signed.SignType, signed.PaySign);
    }

    public async Task<PaymentLookup> QueryAsync(string orderId, CancellationToken cancellationToken) =>
        WeChatPayProgress.Of(await CallAsync(() => client.QueryTransactionAsync(orderId, cancellationToken)));

    public async Task<PaymentLookup> CloseAsync(string orderId, CancellationToken cancellationToken)
    {
        try
        {
            await client.CloseTransactionAsync(orderId, cancellationToken);
        }
        catch (WeChatPayException paid) when (paid.Code == "ORDERPAID")
        {
            // Paid before it could be closed: the caller records the payment instead of cancelling.
        }
        catch (WeChatPayException failure)
        {
            throw Unavailable(failure);
        }
        // Asked after the close: a payment that beat it shows as paid, anything else as closed.
        var lookup = await QueryAsync(orderId, cancellationToken);
        return lookup.State == PaymentState.Unpaid ? PaymentLookup.Closed : lookup;
    }

    public Task<TransferProgress> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        TransferAsync(async () => WeChatPayProgress.Of(await client.CreateRefundAsync(request.OrderId, request.RefundNumber, request.Reason,
            Fen.FromYuan(request.Amount), Fen.FromYuan(request.PaymentTotal), cancellationToken)));

    public async Task<TransferProgress> QueryRefundAsync(string refundNumber, CancellationToken cancellationToken) =>
        await CallAsync(() => client.QueryRefundAsync(refundNumber, cancellationToken)) is { } refund
            ? WeChatPayProgress.Of(refund)
            : new TransferProgress(TransferState.Processing);

    public Task<TransferProgress> PayOutAsync(PayoutRequest request, CancellationToken cancellationToken)
    {
        if (request.PayeeOpenId is not { } openId)
        {
            return Task.FromResult(new TransferProgress(TransferState.Failed,
                Failure: "The seller has never signed in with WeChat, so WeChat Pay cannot pay them; once they have, an admin can try again."));
        }
        return TransferAsync(async () => WeChatPayProgress.Of(await client.CreateTransferAsync(request.TransferNumber, openId,
            Fen.FromYuan(request.Amount), request.Remark, cancellationToken: cancellationToken)));
    }

    public async Task<TransferProgress> QueryPayoutAsync(string transferNumber, CancellationToken cancellationToken) =>
        await CallAsync(() => client.QueryTransferAsync(transferNumber, cancellationToken)) is { } transfer
            ? WeChatPayProgress.Of(transfer)
            : new TransferProgress(TransferState.Processing);

    /// <summary>
    /// A refund or transfer asked for. WeChat Pay's plain refusal (a 4xx it answered, not a throttle)
    /// fails it, for an admin to look at; anything that leaves the outcome open is asked again later
    /// under the same number.
    /// </summary>
    private static async Task<TransferProgress> TransferAsync(Func<Task<TransferProgress>> call)
    {
        try
        {
            return await call();
        }
        catch (WeChatPayException refused) when (refused is { OutcomeUnknown: false, HttpStatus: >= 400 and < 500 and not 429 } && refused.Code != "FREQUENCY_LIMITED")
        {
            return new TransferProgress(TransferState.Failed, Failure: $"WeChat Pay refused it ({refused.Code}).");
        }
        catch (WeChatPayException failure)
        {
            throw Unavailable(failure);
        }
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (WeChatPayException failure)
        {
            throw Unavailable(failure);
        }
    }

    private static PaymentFailedException Unavailable(WeChatPayException failure) =>
        new("WeChat Pay did not take the request; nothing changed. Try again in a moment.", failure.Code, failure);
}
