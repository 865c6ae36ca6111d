using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

// The JSON of the refund calls, field names as WeChat Pay documents them (退款申请, 查询单笔退款, 退款结果通知).

internal sealed record RefundWireRequest(
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("out_refund_no")] string OutRefundNo,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("notify_url")] string NotifyUrl,
    [property: JsonPropertyName("amount")] RefundWireAmount Amount);

internal sealed record RefundWireAmount(
    [property: JsonPropertyName("refund")] long Refund,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("currency")] string Currency);

/// <summary>
/// The create and query answers, and the decrypted resource of a REFUND.* notification: the answers name the
/// state <c>status</c>, the notification <c>refund_status</c>, and only the notification carries <c>mchid</c>.
/// </summary>
internal sealed record RefundResource(
    [property: JsonPropertyName("refund_id")] string RefundId,
    [property: JsonPropertyName("out_refund_no")] string OutRefundNo,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("amount")] RefundAmount Amount,
    [property: JsonPropertyName("transaction_id")] string? TransactionId = null,
    [property: JsonPropertyName("status")] WeChatPayRefundStatus? Status = null,
    [property: JsonPropertyName("refund_status")] WeChatPayRefundStatus? RefundStatus = null,
    [property: JsonPropertyName("success_time")] DateTimeOffset? SuccessTime = null,
    [property: JsonPropertyName("user_received_account")] string? UserReceivedAccount = null,
    [property: JsonPropertyName("mchid")] string? MchId = null)
{
    /// <summary>Whether it names no merchant (the answers) or the configured one (a notification).</summary>
    public bool IsFor(WeChatPayOptions settings) => MchId is null || MchId == settings.MchId;

    /// <summary>Null when it has no state under either name.</summary>
    public WeChatPayRefund? ToRefund() => (Status ?? RefundStatus) is { } status
        ? new(OutRefundNo, OutTradeNo, RefundId, TransactionId, status, Amount.Refund, Amount.Total, Amount.PayerRefund, SuccessTime, UserReceivedAccount)
        : null;
}

internal sealed record RefundAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("refund")] long Refund,
    [property: JsonPropertyName("payer_refund")] long? PayerRefund = null);
