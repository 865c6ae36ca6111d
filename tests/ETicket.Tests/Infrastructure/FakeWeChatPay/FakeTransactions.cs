using System.Text.Json.Nodes;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>A JSAPI payment the fake holds, by out_trade_no.</summary>
public sealed record FakeTransaction(
    string OutTradeNo, string Description, long Total, string OpenId, string? Attach, DateTimeOffset TimeExpire, string NotifyUrl, string PrepayId,
    string TradeState = "NOTPAY", string? TransactionId = null, DateTimeOffset? SuccessTime = null);

/// <summary>
/// JSAPI payments as WeChat Pay keeps them: NOTPAY until the test pays one, CLOSED when closed or past its
/// time_expire, REFUND once refunded; placing one again with the same details is the same payment.
/// </summary>
public sealed class FakeTransactions(TimeProvider clock, Lock gate)
{
    private readonly Dictionary<string, FakeTransaction> _byOutTradeNo = [];

    public FakeTransaction? this[string outTradeNo]
    {
        get
        {
            lock (gate)
                return Current(outTradeNo);
        }
    }

    /// <summary>The payer pays: NOTPAY becomes SUCCESS, with a transaction_id and a success_time.</summary>
    public FakeTransaction Pay(string outTradeNo)
    {
        lock (gate)
        {
            var transaction = Current(outTradeNo) ?? throw new InvalidOperationException($"No payment {outTradeNo} was placed.");
            if (transaction.TradeState != "NOTPAY")
                throw new InvalidOperationException($"Payment {outTradeNo} is {transaction.TradeState}, not NOTPAY.");
            return _byOutTradeNo[outTradeNo] = transaction with { TradeState = "SUCCESS", TransactionId = "42000" + Digits(23), SuccessTime = clock.GetUtcNow() };
        }
    }

    /// <summary>What the query answers and a TRANSACTION.SUCCESS notification carries.</summary>
    public static JsonObject Resource(FakeTransaction transaction)
    {
        var paid = transaction.TransactionId is not null;
        var resource = new JsonObject
        {
            ["appid"] = FakeWeChatPayServer.AppId,
            ["mchid"] = FakeWeChatPayServer.MchId,
            ["out_trade_no"] = transaction.OutTradeNo,
            ["trade_state"] = transaction.TradeState,
            ["trade_state_desc"] = transaction.TradeState switch { "SUCCESS" => "支付成功", "REFUND" => "转入退款", "CLOSED" => "订单已关闭", _ => "订单未支付" },
            ["amount"] = paid
                ? new JsonObject { ["total"] = transaction.Total, ["payer_total"] = transaction.Total, ["currency"] = "CNY", ["payer_currency"] = "CNY" }
                : new JsonObject { ["total"] = transaction.Total, ["payer_currency"] = "CNY" },
        };
        if (paid)
        {
            resource["transaction_id"] = transaction.TransactionId;
            resource["trade_type"] = "JSAPI";
            resource["bank_type"] = "OTHERS";
            resource["success_time"] = Time(transaction.SuccessTime!.Value);
            resource["payer"] = new JsonObject { ["openid"] = transaction.OpenId };
            if (transaction.Attach is not null)
                resource["attach"] = transaction.Attach;
        }
        return resource;
    }

    internal FakeAnswer Create(JsonObject body)
    {
        if (Text(body["appid"]) != FakeWeChatPayServer.AppId || Text(body["mchid"]) != FakeWeChatPayServer.MchId)
            return FakeAnswer.Error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        var outTradeNo = Text(body["out_trade_no"]);
        var description = Text(body["description"]);
        var total = Number(body["amount"]?["total"]);
        var openId = Text(body["payer"]?["openid"]);
        var notifyUrl = Text(body["notify_url"]);
        if (outTradeNo is null || description is null || total is not > 0 || Text(body["amount"]?["currency"]) != "CNY" || openId is null
            || !DateTimeOffset.TryParse(Text(body["time_expire"]), out var timeExpire) || !Uri.IsWellFormedUriString(notifyUrl, UriKind.Absolute))
            return FakeAnswer.ParamError("输入源“/body”映射到值字段失败");
        lock (gate)
        {
            if (Current(outTradeNo) is { } placed)
                return placed switch
                {
                    { TradeState: "SUCCESS" or "REFUND" } => FakeAnswer.Error(403, "ORDERPAID", "该订单已支付"),
                    { TradeState: "CLOSED" } => FakeAnswer.Error(400, "ORDER_CLOSED", "订单已关闭"),
                    _ when placed.Total != total || placed.Description != description || placed.OpenId != openId =>
                        FakeAnswer.Error(403, "OUT_TRADE_NO_USED", "商户订单号重复"),
                    _ => FakeAnswer.Ok(new JsonObject { ["prepay_id"] = placed.PrepayId }),
                };
            var prepayId = $"wx{clock.GetUtcNow():yyyyMMddHHmmss}{Alphanumerics(18)}";
            _byOutTradeNo[outTradeNo] = new FakeTransaction(outTradeNo, description, total.Value, openId, Text(body["attach"]), timeExpire, notifyUrl!, prepayId);
            return FakeAnswer.Ok(new JsonObject { ["prepay_id"] = prepayId });
        }
    }

    internal FakeAnswer Query(string outTradeNo, string? mchId)
    {
        if (mchId != FakeWeChatPayServer.MchId)
            return FakeAnswer.ParamError("mchid参数错误");
        var transaction = this[outTradeNo];
        return transaction is null ? FakeAnswer.Error(404, "ORDER_NOT_EXIST", "订单不存在") : FakeAnswer.Ok(Resource(transaction));
    }

    internal FakeAnswer Close(string outTradeNo, JsonObject body)
    {
        if (Text(body["mchid"]) != FakeWeChatPayServer.MchId)
            return FakeAnswer.ParamError("mchid参数错误");
        lock (gate)
        {
            return Current(outTradeNo) switch
            {
                null => FakeAnswer.Error(404, "ORDER_NOT_EXIST", "订单不存在"),
                { TradeState: "SUCCESS" or "REFUND" } => FakeAnswer.Error(400, "ORDERPAID", "订单已支付"),
                var transaction => Closed(transaction),
            };
        }
    }

    /// <summary>A refund was made: the payment reads REFUND from now on.</summary>
    internal void MarkRefunded(string outTradeNo)
    {
        lock (gate)
            _byOutTradeNo[outTradeNo] = _byOutTradeNo[outTradeNo] with { TradeState = "REFUND" };
    }

    private FakeAnswer Closed(FakeTransaction transaction)
    {
        _byOutTradeNo[transaction.OutTradeNo] = transaction with { TradeState = "CLOSED" };
        return FakeAnswer.NoContent;
    }

    // An unpaid payment past its time_expire is closed, whenever anyone looks.
    private FakeTransaction? Current(string outTradeNo)
    {
        if (!_byOutTradeNo.TryGetValue(outTradeNo, out var transaction))
            return null;
        if (transaction.TradeState == "NOTPAY" && clock.GetUtcNow() > transaction.TimeExpire)
            transaction = _byOutTradeNo[outTradeNo] = transaction with { TradeState = "CLOSED" };
        return transaction;
    }
}
