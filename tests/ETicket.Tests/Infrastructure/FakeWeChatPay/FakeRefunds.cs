using System.Text.Json.Nodes;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>A refund the fake holds, by out_refund_no.</summary>
public sealed record FakeRefund(
    string OutRefundNo, string OutTradeNo, string RefundId, string TransactionId, long Refund, long Total, string? Reason, string NotifyUrl,
    DateTimeOffset CreateTime, string Status = "PROCESSING", DateTimeOffset? SuccessTime = null);

/// <summary>
/// Refunds as WeChat Pay keeps them: only of a paid payment, never more than is left of it, PROCESSING until
/// the test settles one; asking again with the same out_refund_no answers the same refund.
/// </summary>
public sealed class FakeRefunds(FakeTransactions transactions, TimeProvider clock, Lock gate)
{
    private readonly Dictionary<string, FakeRefund> _byOutRefundNo = [];

    public FakeRefund? this[string outRefundNo]
    {
        get
        {
            lock (gate)
                return _byOutRefundNo.GetValueOrDefault(outRefundNo);
        }
    }

    /// <summary>The refund ends: SUCCESS (with a success_time), CLOSED or ABNORMAL.</summary>
    public FakeRefund Settle(string outRefundNo, string status = "SUCCESS")
    {
        lock (gate)
        {
            var refund = _byOutRefundNo.GetValueOrDefault(outRefundNo) ?? throw new InvalidOperationException($"No refund {outRefundNo} was made.");
            return _byOutRefundNo[outRefundNo] = refund with { Status = status, SuccessTime = status == "SUCCESS" ? clock.GetUtcNow() : null };
        }
    }

    /// <summary>What the create and query calls answer.</summary>
    public static JsonObject Answer(FakeRefund refund)
    {
        var answer = new JsonObject
        {
            ["refund_id"] = refund.RefundId,
            ["out_refund_no"] = refund.OutRefundNo,
            ["transaction_id"] = refund.TransactionId,
            ["out_trade_no"] = refund.OutTradeNo,
            ["channel"] = "ORIGINAL",
            ["user_received_account"] = "支付用户零钱",
            ["create_time"] = Time(refund.CreateTime),
            ["status"] = refund.Status,
            ["funds_account"] = "AVAILABLE",
            ["amount"] = new JsonObject
            {
                ["total"] = refund.Total, ["refund"] = refund.Refund, ["payer_total"] = refund.Total, ["payer_refund"] = refund.Refund,
                ["settlement_refund"] = refund.Refund, ["settlement_total"] = refund.Total, ["discount_refund"] = 0, ["currency"] = "CNY", ["refund_fee"] = 0,
            },
            ["promotion_detail"] = new JsonArray(),
        };
        if (refund.SuccessTime is { } successTime)
            answer["success_time"] = Time(successTime);
        return answer;
    }

    /// <summary>What a REFUND.* notification carries: the state is named refund_status there, and the merchant is named.</summary>
    public static JsonObject Resource(FakeRefund refund)
    {
        var resource = new JsonObject
        {
            ["mchid"] = FakeWeChatPayServer.MchId,
            ["out_trade_no"] = refund.OutTradeNo,
            ["transaction_id"] = refund.TransactionId,
            ["out_refund_no"] = refund.OutRefundNo,
            ["refund_id"] = refund.RefundId,
            ["refund_status"] = refund.Status,
            ["user_received_account"] = "支付用户零钱",
            ["amount"] = new JsonObject { ["total"] = refund.Total, ["refund"] = refund.Refund, ["payer_total"] = refund.Total, ["payer_refund"] = refund.Refund },
        };
        if (refund.SuccessTime is { } successTime)
            resource["success_time"] = Time(successTime);
        return resource;
    }

    internal FakeAnswer Create(JsonObject body)
    {
        var outTradeNo = Text(body["out_trade_no"]);
        var outRefundNo = Text(body["out_refund_no"]);
        var refundFen = Number(body["amount"]?["refund"]);
        var totalFen = Number(body["amount"]?["total"]);
        if (outTradeNo is null || outRefundNo is null || refundFen is not > 0 || totalFen is not > 0 || Text(body["amount"]?["currency"]) != "CNY"
            || !Uri.IsWellFormedUriString(Text(body["notify_url"]), UriKind.Absolute))
            return FakeAnswer.ParamError("输入源“/body”映射到值字段失败");
        lock (gate)
        {
            if (_byOutRefundNo.GetValueOrDefault(outRefundNo) is { } made)
                return made.OutTradeNo == outTradeNo && made.Refund == refundFen
                    ? FakeAnswer.Ok(Answer(made))
                    : FakeAnswer.Error(400, "INVALID_REQUEST", "退款单号重复，请使用新的退款单号");
            var transaction = transactions[outTradeNo];
            if (transaction is null)
                return FakeAnswer.Error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
            if (transaction.TransactionId is null)
                return FakeAnswer.Error(400, "INVALID_REQUEST", "订单未支付");
            if (transaction.Total != totalFen)
                return FakeAnswer.ParamError("订单金额与原订单不一致");
            var refunded = _byOutRefundNo.Values.Where(r => r.OutTradeNo == outTradeNo && r.Status != "CLOSED").Sum(r => r.Refund);
            if (refunded + refundFen > transaction.Total)
                return FakeAnswer.Error(400, "INVALID_REQUEST", "申请退款金额超过订单可退金额");
            var refund = _byOutRefundNo[outRefundNo] = new FakeRefund(outRefundNo, outTradeNo, "5030" + Digits(25), transaction.TransactionId, refundFen.Value,
                totalFen.Value, Text(body["reason"]), Text(body["notify_url"])!, clock.GetUtcNow());
            transactions.MarkRefunded(outTradeNo);
            return FakeAnswer.Ok(Answer(refund));
        }
    }

    internal FakeAnswer Query(string outRefundNo) =>
        this[outRefundNo] is { } refund ? FakeAnswer.Ok(Answer(refund)) : FakeAnswer.Error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
}
