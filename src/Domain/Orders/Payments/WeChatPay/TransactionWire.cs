using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

// The JSON of the JSAPI payment calls, field names as WeChat Pay documents them
// (JSAPI下单, 查询订单, 关闭订单, 支付成功通知).

internal sealed record JsapiTransactionRequest(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("time_expire")] string TimeExpire,
    [property: JsonPropertyName("attach")] string? Attach,
    [property: JsonPropertyName("notify_url")] string NotifyUrl,
    [property: JsonPropertyName("amount")] TransactionRequestAmount Amount,
    [property: JsonPropertyName("payer")] TransactionPayer Payer);

internal sealed record TransactionRequestAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("currency")] string Currency);

internal sealed record PrepayAnswer([property: JsonPropertyName("prepay_id")] string PrepayId);

internal sealed record CloseTransactionRequest([property: JsonPropertyName("mchid")] string MchId);

/// <summary>The query's answer, and the decrypted resource of a TRANSACTION.SUCCESS notification.</summary>
internal sealed record TransactionResource(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("trade_state")] WeChatPayTradeState TradeState,
    [property: JsonPropertyName("transaction_id")] string? TransactionId = null,
    [property: JsonPropertyName("trade_state_desc")] string? TradeStateDesc = null,
    [property: JsonPropertyName("success_time")] DateTimeOffset? SuccessTime = null,
    [property: JsonPropertyName("attach")] string? Attach = null,
    [property: JsonPropertyName("amount")] TransactionAmount? Amount = null,
    [property: JsonPropertyName("payer")] TransactionPayer? Payer = null)
{
    /// <summary>Whether it is a payment of the configured merchant and app.</summary>
    public bool IsFor(WeChatPayOptions settings) => MchId == settings.MchId && AppId == settings.AppId;

    public WeChatPayTransaction ToTransaction() => new(AppId, MchId, OutTradeNo, TransactionId, TradeState, TradeStateDesc,
        Amount?.Total, Amount?.PayerTotal, Payer?.OpenId, SuccessTime, Attach);
}

internal sealed record TransactionAmount(
    [property: JsonPropertyName("total")] long? Total = null,
    [property: JsonPropertyName("payer_total")] long? PayerTotal = null,
    [property: JsonPropertyName("currency")] string? Currency = null);

internal sealed record TransactionPayer([property: JsonPropertyName("openid")] string? OpenId = null);
