using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>A refund as WeChat Pay reports it (its create and query answers, or a REFUND.* notification). Amounts in fen.</summary>
/// <param name="PayerRefundFen">What goes back to the payer (less than <paramref name="RefundFen"/> when a coupon paid part).</param>
/// <param name="UserReceivedAccount">Where the money goes, e.g. 支付用户零钱.</param>
public sealed record WeChatPayRefund(
    string OutRefundNo,
    string OutTradeNo,
    string RefundId,
    string? TransactionId,
    WeChatPayRefundStatus Status,
    long RefundFen,
    long TotalFen,
    long? PayerRefundFen,
    DateTimeOffset? SuccessTime,
    string? UserReceivedAccount);

[JsonConverter(typeof(StrictEnumConverter<WeChatPayRefundStatus>))]
public enum WeChatPayRefundStatus
{
    /// <summary>The money is back with the payer.</summary>
    [JsonStringEnumMemberName("SUCCESS")] Success,

    /// <summary>The refund was closed without paying out.</summary>
    [JsonStringEnumMemberName("CLOSED")] Closed,

    /// <summary>Under way.</summary>
    [JsonStringEnumMemberName("PROCESSING")] Processing,

    /// <summary>Stuck (the payer's account or card is closed, for instance): needs someone on the merchant platform.</summary>
    [JsonStringEnumMemberName("ABNORMAL")] Abnormal,
}
