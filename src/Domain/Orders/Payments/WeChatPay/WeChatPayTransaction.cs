using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>A JSAPI payment as WeChat Pay reports it (the query's answer, or a TRANSACTION.SUCCESS notification). Amounts in fen.</summary>
/// <param name="TotalFen">The order's amount; WeChat Pay leaves it out of some answers about unpaid orders.</param>
/// <param name="PayerTotalFen">What the payer paid, once paid (less than the total when a coupon paid part).</param>
public sealed record WeChatPayTransaction(
    string AppId,
    string MchId,
    string OutTradeNo,
    string? TransactionId,
    WeChatPayTradeState TradeState,
    string? TradeStateDescription,
    long? TotalFen,
    long? PayerTotalFen,
    string? PayerOpenId,
    DateTimeOffset? SuccessTime,
    string? Attach);

[JsonConverter(typeof(StrictEnumConverter<WeChatPayTradeState>))]
public enum WeChatPayTradeState
{
    /// <summary>Paid.</summary>
    [JsonStringEnumMemberName("SUCCESS")] Success,

    /// <summary>Paid, and a refund has been made since.</summary>
    [JsonStringEnumMemberName("REFUND")] Refund,

    /// <summary>Not paid (yet).</summary>
    [JsonStringEnumMemberName("NOTPAY")] NotPay,

    /// <summary>Closed unpaid: by the merchant, or when time_expire passed.</summary>
    [JsonStringEnumMemberName("CLOSED")] Closed,

    /// <summary>Revoked (payment-code payments only).</summary>
    [JsonStringEnumMemberName("REVOKED")] Revoked,

    /// <summary>The payer is paying (entering a password).</summary>
    [JsonStringEnumMemberName("USERPAYING")] UserPaying,

    /// <summary>The payment failed (the bank refused, for instance).</summary>
    [JsonStringEnumMemberName("PAYERROR")] PayError,
}
