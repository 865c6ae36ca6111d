using System.Text.Json.Nodes;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using static ETicket.Tests.Orders.Payments.WeChatPay.WeChatPayTestData;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>Each call's request, as WeChat Pay documents it, signed so that WeChat Pay accepts it; and what its answers become.</summary>
public sealed class WeChatPayClientTests
{
    [Fact]
    public async Task A_JSAPI_payment_is_placed_with_the_documented_body_and_signed_so_WeChat_Pay_accepts_it()
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        var prepayId = await harness.Client.CreateJsapiTransactionAsync("ET20260001", "演唱会门票转售", 38800, PayerOpenId, Expiry, attach: "order-17", cancellationToken: Ct);

        var request = Assert.Single(harness.WeChatPay.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Equal(("POST", "/v3/pay/transactions/jsapi"), (request.Method, request.Target));
        Assert.Equal(FakeWeChatPayServer.PublicKeyId, request.WechatpaySerial);
        Assert.Equal("application/json", request.Accept);
        Assert.StartsWith("ETicket/", request.UserAgent);
        AssertJson(new JsonObject
        {
            ["appid"] = FakeWeChatPayServer.AppId,
            ["mchid"] = FakeWeChatPayServer.MchId,
            ["description"] = "演唱会门票转售",
            ["out_trade_no"] = "ET20260001",
            ["time_expire"] = "2099-06-08T10:34:56+08:00",
            ["attach"] = "order-17",
            ["notify_url"] = "http://127.0.0.1:9/wechatpay/notify",
            ["amount"] = new JsonObject { ["total"] = 38800, ["currency"] = "CNY" },
            ["payer"] = new JsonObject { ["openid"] = PayerOpenId },
        }, request.Body);
        Assert.Equal(harness.WeChatPay.Transactions["ET20260001"]!.PrepayId, prepayId);
    }

    [Fact]
    public async Task Placing_a_payment_again_is_the_same_payment_and_other_details_are_OUT_TRADE_NO_USED()
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        var first = await harness.Client.CreateJsapiTransactionAsync("ET20260002", "门票", 10000, PayerOpenId, Expiry, cancellationToken: Ct);
        var again = await harness.Client.CreateJsapiTransactionAsync("ET20260002", "门票", 10000, PayerOpenId, Expiry, cancellationToken: Ct);
        var otherAmount = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateJsapiTransactionAsync("ET20260002", "门票", 9000, PayerOpenId, Expiry, cancellationToken: Ct));

        Assert.Equal(first, again);
        Assert.Equal(("OUT_TRADE_NO_USED", 403, false), (otherAmount.Code, otherAmount.HttpStatus, otherAmount.OutcomeUnknown));
        Assert.Equal(3, harness.WeChatPay.Requests.Count);
    }

    [Fact]
    public async Task The_query_reads_an_unpaid_then_a_paid_payment_and_a_paid_one_cannot_be_placed_again()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await harness.Client.CreateJsapiTransactionAsync("ET20260003", "门票", 25000, PayerOpenId, Expiry, attach: "order-3", cancellationToken: Ct);

        var unpaid = await harness.Client.QueryTransactionAsync("ET20260003", cancellationToken: Ct);
        var paidAt = harness.WeChatPay.Transactions.Pay("ET20260003");
        var paid = await harness.Client.QueryTransactionAsync("ET20260003", cancellationToken: Ct);
        var placedAgain = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateJsapiTransactionAsync("ET20260003", "门票", 25000, PayerOpenId, Expiry, cancellationToken: Ct));

        Assert.Equal($"/v3/pay/transactions/out-trade-no/ET20260003?mchid={FakeWeChatPayServer.MchId}", harness.WeChatPay.Requests[1].Target);
        Assert.Equal(new WeChatPayTransaction(FakeWeChatPayServer.AppId, FakeWeChatPayServer.MchId, "ET20260003", null, WeChatPayTradeState.NotPay, "订单未支付",
            25000, null, null, null, null), unpaid);
        Assert.Equal(new WeChatPayTransaction(FakeWeChatPayServer.AppId, FakeWeChatPayServer.MchId, "ET20260003", paidAt.TransactionId, WeChatPayTradeState.Success,
            "支付成功", 25000, 25000, PayerOpenId, WholeSeconds(paidAt.SuccessTime!.Value), "order-3"), paid);
        Assert.Equal(("ORDERPAID", 403), (placedAgain.Code, placedAgain.HttpStatus));
        Assert.All(harness.WeChatPay.Requests, request => Assert.Null(request.SignatureProblem));
    }

    [Fact]
    public async Task A_payment_WeChat_Pay_does_not_have_is_no_payment()
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        Assert.Null(await harness.Client.QueryTransactionAsync("ET-UNKNOWN", cancellationToken: Ct));
    }

    [Fact]
    public async Task Closing_an_unpaid_payment_closes_it_and_it_cannot_be_placed_again()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await harness.Client.CreateJsapiTransactionAsync("ET20260004", "门票", 10000, PayerOpenId, Expiry, cancellationToken: Ct);

        await harness.Client.CloseTransactionAsync("ET20260004", cancellationToken: Ct);
        await harness.Client.CloseTransactionAsync("ET20260004", cancellationToken: Ct);
        var placedAgain = await Assert.ThrowsAsync<WeChatPayException>(() => harness.Client.CreateJsapiTransactionAsync("ET20260004", "门票", 10000, PayerOpenId, Expiry, cancellationToken: Ct));

        var close = harness.WeChatPay.Requests[1];
        Assert.Equal(("POST", "/v3/pay/transactions/out-trade-no/ET20260004/close"), (close.Method, close.Target));
        AssertJson(new JsonObject { ["mchid"] = FakeWeChatPayServer.MchId }, close.Body);
        Assert.Equal(WeChatPayTradeState.Closed, (await harness.Client.QueryTransactionAsync("ET20260004", cancellationToken: Ct))!.TradeState);
        Assert.Equal("ORDER_CLOSED", placedAgain.Code);
    }

    [Fact]
    public async Task A_refund_is_asked_for_as_documented_is_the_same_refund_when_asked_again_and_its_query_follows_it()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await PaidAsync(harness, "ET20260005", 38800);

        var refund = await harness.Client.CreateRefundAsync("ET20260005", "RF20260005", "买家申请退款", 38800, 38800, cancellationToken: Ct);
        var again = await harness.Client.CreateRefundAsync("ET20260005", "RF20260005", "买家申请退款", 38800, 38800, cancellationToken: Ct);
        harness.WeChatPay.Refunds.Settle("RF20260005");
        var settled = await harness.Client.QueryRefundAsync("RF20260005", cancellationToken: Ct);

        var request = harness.WeChatPay.Requests[^3];
        Assert.Equal(("POST", "/v3/refund/domestic/refunds"), (request.Method, request.Target));
        AssertJson(new JsonObject
        {
            ["out_trade_no"] = "ET20260005",
            ["out_refund_no"] = "RF20260005",
            ["reason"] = "买家申请退款",
            ["notify_url"] = "http://127.0.0.1:9/wechatpay/notify",
            ["amount"] = new JsonObject { ["refund"] = 38800, ["total"] = 38800, ["currency"] = "CNY" },
        }, request.Body);
        var made = harness.WeChatPay.Refunds["RF20260005"]!;
        Assert.Equal(new WeChatPayRefund("RF20260005", "ET20260005", made.RefundId, made.TransactionId, WeChatPayRefundStatus.Processing, 38800, 38800, 38800,
            null, "支付用户零钱"), refund);
        Assert.Equal(refund, again);
        Assert.Equal("/v3/refund/domestic/refunds/RF20260005", harness.WeChatPay.Requests[^1].Target);
        Assert.Equal((WeChatPayRefundStatus.Success, WholeSeconds(made.SuccessTime!.Value)), (settled!.Status, settled.SuccessTime));
        Assert.Equal(WeChatPayTradeState.Refund, (await harness.Client.QueryTransactionAsync("ET20260005", cancellationToken: Ct))!.TradeState);
        Assert.Null(await harness.Client.QueryRefundAsync("RF-UNKNOWN", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_transfer_is_asked_for_as_documented_waits_for_the_payee_and_then_succeeds()
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        var transfer = await harness.Client.CreateTransferAsync("PO20260006", SellerOpenId, 36860, "门票转售货款", cancellationToken: Ct);
        var again = await harness.Client.CreateTransferAsync("PO20260006", SellerOpenId, 36860, "门票转售货款", cancellationToken: Ct);
        harness.WeChatPay.Transfers.Confirm("PO20260006");
        var confirmed = await harness.Client.QueryTransferAsync("PO20260006", cancellationToken: Ct);

        var request = harness.WeChatPay.Requests[0];
        Assert.Equal(("POST", "/v3/fund-app/mch-transfer/transfer-bills"), (request.Method, request.Target));
        AssertJson(new JsonObject
        {
            ["appid"] = FakeWeChatPayServer.AppId,
            ["out_bill_no"] = "PO20260006",
            ["transfer_scene_id"] = "1005",
            ["openid"] = SellerOpenId,
            ["transfer_amount"] = 36860,
            ["transfer_remark"] = "门票转售货款",
            ["notify_url"] = "http://127.0.0.1:9/wechatpay/notify",
            ["user_recv_perception"] = "劳务报酬",
            ["transfer_scene_report_infos"] = new JsonArray(
                new JsonObject { ["info_type"] = "岗位类型", ["info_content"] = "票务转售卖家" },
                new JsonObject { ["info_type"] = "报酬说明", ["info_content"] = "门票转售货款" }),
        }, request.Body);
        var made = harness.WeChatPay.Transfers["PO20260006"]!;
        Assert.Equal((WeChatPayTransferState.WaitUserConfirm, made.PackageInfo, made.TransferBillNo), (transfer.State, transfer.PackageInfo, transfer.TransferBillNo));
        Assert.Equal(transfer, again);
        Assert.Equal("/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/PO20260006", harness.WeChatPay.Requests[^1].Target);
        Assert.Equal(new WeChatPayTransfer("PO20260006", made.TransferBillNo, WeChatPayTransferState.Success, null, null, 36860, SellerOpenId,
            WholeSeconds(made.CreateTime), WholeSeconds(made.UpdateTime)), confirmed);
        Assert.Null(await harness.Client.QueryTransferAsync("POUNKNOWN", cancellationToken: Ct));
    }

    [Fact]
    public async Task A_transfer_that_fails_says_why()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        harness.WeChatPay.Transfers.ScriptStart("PO20260007", "FAIL", "PAYEE_ACCOUNT_ABNORMAL");

        var transfer = await harness.Client.CreateTransferAsync("PO20260007", SellerOpenId, 5000, "门票转售货款", cancellationToken: Ct);
        var queried = await harness.Client.QueryTransferAsync("PO20260007", cancellationToken: Ct);

        Assert.Equal((WeChatPayTransferState.Fail, "PAYEE_ACCOUNT_ABNORMAL"), (transfer.State, transfer.FailReason));
        Assert.Equal((WeChatPayTransferState.Fail, "PAYEE_ACCOUNT_ABNORMAL"), (queried!.State, queried.FailReason));
    }

    [Fact]
    public async Task A_payee_name_goes_encrypted_with_WeChat_Pay_s_key()
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        await harness.Client.CreateTransferAsync("PO20260008", SellerOpenId, 250000, "门票转售货款", payeeName: "张三", cancellationToken: Ct);

        var sent = harness.WeChatPay.Requests[0].Body!["user_name"]!.GetValue<string>();
        Assert.DoesNotContain("张三", sent);
        Assert.Equal("张三", harness.WeChatPay.Transfers["PO20260008"]!.PayeeName);
    }

    public static TheoryData<string, Func<WeChatPayClient, Task>> CallsOutsideTheFormats => new()
    {
        { "a short out_trade_no", client => client.CreateJsapiTransactionAsync("ET1", "门票", 100, PayerOpenId, Expiry, cancellationToken: Ct) },
        { "a path in out_trade_no", client => client.QueryTransactionAsync("../../v3/x", cancellationToken: Ct) },
        { "no fen", client => client.CreateJsapiTransactionAsync("ET20260009", "门票", 0, PayerOpenId, Expiry, cancellationToken: Ct) },
        { "a long description", client => client.CreateJsapiTransactionAsync("ET20260009", new string('票', 128), 100, PayerOpenId, Expiry, cancellationToken: Ct) },
        { "a refund above the payment", client => client.CreateRefundAsync("ET20260009", "RF1", null, 101, 100, cancellationToken: Ct) },
        { "a punctuated out_bill_no", client => client.QueryTransferAsync("PO-2026", cancellationToken: Ct) },
        { "a long remark", client => client.CreateTransferAsync("PO20260009", SellerOpenId, 100, new string('款', 33), cancellationToken: Ct) },
        { "an openid with a slash", client => client.CreateTransferAsync("PO20260009", "o/x", 100, "货款", cancellationToken: Ct) },
    };

    [Theory, MemberData(nameof(CallsOutsideTheFormats))]
    public async Task A_call_outside_WeChat_Pay_s_formats_is_refused_before_anything_is_sent(string what, Func<WeChatPayClient, Task> call)
    {
        await using var harness = await WeChatPayHarness.StartAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => call(harness.Client));

        Assert.True(harness.WeChatPay.Requests.Count == 0, what);
    }

    internal static async Task PaidAsync(WeChatPayHarness harness, string outTradeNo, long fen)
    {
        await harness.Client.CreateJsapiTransactionAsync(outTradeNo, "门票", fen, PayerOpenId, Expiry, cancellationToken: Ct);
        harness.WeChatPay.Transactions.Pay(outTradeNo);
    }

    private static void AssertJson(JsonObject expected, JsonObject? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");

    // WeChat Pay writes times in whole seconds.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
