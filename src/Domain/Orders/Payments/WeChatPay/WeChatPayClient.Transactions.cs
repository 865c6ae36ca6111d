namespace ETicket.Domain.Orders.Payments.WeChatPay;

public sealed partial class WeChatPayClient
{
    private const int DescriptionMaxLength = 127;
    private const int AttachMaxLength = 128;

    /// <summary>
    /// Places a JSAPI payment (JSAPI下单) and returns its prepay_id, for <see cref="RequestPaymentSigner"/>.
    /// Asking again with the same out_trade_no and the same details is safe: WeChat Pay treats it as the same
    /// payment. It answers ORDERPAID once paid, ORDER_CLOSED once closed, and OUT_TRADE_NO_USED when the details differ.
    /// </summary>
    /// <param name="timeExpire">When WeChat Pay stops taking the payment; sent in Beijing time.</param>
    /// <param name="attach">Up to 128 characters WeChat Pay hands back in the query and the notification.</param>
    public async Task<string> CreateJsapiTransactionAsync(string outTradeNo, string description, long amountFen, string payerOpenId,
        DateTimeOffset timeExpire, string? attach = null, CancellationToken cancellationToken = default)
    {
        var settings = Settings;
        var request = new JsapiTransactionRequest(settings.AppId!, settings.MchId!,
            WeChatPayArguments.Text(description, DescriptionMaxLength, "description"), WeChatPayArguments.OutTradeNo(outTradeNo),
            WeChatPayJson.Rfc3339(timeExpire), attach is null ? null : WeChatPayArguments.Text(attach, AttachMaxLength, "attach"),
            settings.NotifyUrl!.AbsoluteUri, new(WeChatPayArguments.Fen(amountFen, "amount"), Currency), new(WeChatPayArguments.OpenId(payerOpenId)));
        var answer = await ReadAsync<PrepayAnswer>("a JSAPI payment", HttpMethod.Post, "v3/pay/transactions/jsapi", request,
            prepay => string.IsNullOrWhiteSpace(prepay.PrepayId) ? WeChatPayRefusal.Malformed : null, cancellationToken);
        return answer.PrepayId;
    }

    /// <summary>The payment with this out_trade_no (查询订单), or null when WeChat Pay has none.</summary>
    public async Task<WeChatPayTransaction?> QueryTransactionAsync(string outTradeNo, CancellationToken cancellationToken = default)
    {
        var path = $"v3/pay/transactions/out-trade-no/{WeChatPayArguments.OutTradeNo(outTradeNo)}?mchid={Settings.MchId}";
        try
        {
            var answer = await ReadAsync<TransactionResource>("a payment query", HttpMethod.Get, path, body: null,
                transaction => transaction.OutTradeNo != outTradeNo ? WeChatPayRefusal.Malformed : transaction.IsFor(Settings) ? null : WeChatPayRefusal.WrongMerchant, cancellationToken);
            return answer.ToTransaction();
        }
        catch (WeChatPayException exception) when (IsNotFound(exception))
        {
            return null;
        }
    }

    /// <summary>
    /// Closes an unpaid payment (关闭订单), so it can no longer be paid. Closing a closed one is fine;
    /// a paid one answers ORDERPAID.
    /// </summary>
    public async Task CloseTransactionAsync(string outTradeNo, CancellationToken cancellationToken = default) =>
        await SendAsync("a payment close", HttpMethod.Post, $"v3/pay/transactions/out-trade-no/{WeChatPayArguments.OutTradeNo(outTradeNo)}/close",
            new CloseTransactionRequest(Settings.MchId!), cancellationToken);
}
