using System.Text;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.Logging;

namespace ETicket.Tests.Payments;

/// <summary>
/// WeChat Pay end to end against the fake, on both databases: payment and its notification, lost,
/// replayed, forged and mismatched notifications, the deadline's close, late payments, refunds and
/// payouts. The ledger balances after each.
/// </summary>
public sealed class WeChatPayScenarioTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task PayOrder_starts_a_JSAPI_payment_and_its_notification_pays_the_order_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.Server.PurchaseOkAsync(market.Buyer, market.ListingId);

        var payload = await market.PayOrderAsync(orderId);

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("PENDING_PAYMENT", payload["order"]!["status"]!.GetValue<string>());
        var request = payload["weChatPayment"]!;
        var placed = market.WeChatPay.Transactions[orderId]!;
        Assert.Equal($"prepay_id={placed.PrepayId}", request["package"]!.GetValue<string>());
        Assert.Equal(("RSA", FakeWeChatPayServer.AppId), (request["signType"]!.GetValue<string>(), request["appId"]!.GetValue<string>()));
        var signed = $"{FakeWeChatPayServer.AppId}\n{request["timeStamp"]}\n{request["nonceStr"]}\n{request["package"]}\n";
        Assert.True(FakeWeChatPayKeys.IsMerchantSignature(signed, request["paySign"]!.GetValue<string>()));
        Assert.Equal((10198L, "oBuyerOpenId00000000000000002"), (placed.Total, placed.OpenId));
        // Asked again (a double tap), it signs the same payment afresh and places nothing new.
        Assert.Equal(request["package"]!.GetValue<string>(), (await market.PayOrderAsync(orderId))["weChatPayment"]!["package"]!.GetValue<string>());
        Assert.Single(market.WeChatPay.Requests, r => r.Path.EndsWith("/jsapi", StringComparison.Ordinal));

        var paid = market.WeChatPay.Transactions.Pay(orderId);
        var notification = market.WeChatPay.TransactionNotification(orderId);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(notification, market.NotifyUrl));
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(notification, market.NotifyUrl));

        Assert.Equal("PAID", await market.StatusAsync(orderId));
        var ledger = await market.AssertLedgerAsync(orderId, escrow: 101.98m);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold], ledger.Select(e => e.Kind));
        Assert.Equal(paid.TransactionId, ledger[0].Reference);
        // Paid, payOrder answers the paid order and starts nothing.
        Assert.Null((await market.PayOrderAsync(orderId))["weChatPayment"]);
        market.Server.AssertNoWarnings();
        // The merchant's keys reach no log, at any level.
        var privateKeyBody = FakeWeChatPayKeys.MerchantPrivateKeyPem.Split('\n')[1];
        Assert.DoesNotContain(market.Server.Logs().GetSnapshot(), r =>
            r.Message.Contains(FakeWeChatPayKeys.ApiV3Key, StringComparison.Ordinal) || r.Message.Contains(privateKeyBody, StringComparison.Ordinal)
            || (r.Exception?.ToString().Contains(FakeWeChatPayKeys.ApiV3Key, StringComparison.Ordinal) ?? false));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_notification_that_comes_before_payOrder_returns_pays_the_order(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.Server.PurchaseOkAsync(market.Buyer, market.ListingId);
        // WeChat Pay places the payment at once and answers late: meanwhile the buyer pays and the notification arrives.
        market.WeChatPay.Script(FakeWeChatPayFault.Slow(TimeSpan.FromSeconds(1)));

        var paying = market.PayOrderAsync(orderId);
        while (market.WeChatPay.Transactions[orderId] is null)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        market.WeChatPay.Transactions.Pay(orderId);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransactionNotification(orderId), market.NotifyUrl));
        var payload = await paying;

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("PAID", payload["order"]!["status"]!.GetValue<string>());
        Assert.Null(payload["weChatPayment"]);
        await market.AssertLedgerAsync(orderId, escrow: 101.98m);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Forged_stale_tampered_and_mismatched_notifications_change_nothing(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.WaitingOrderAsync();
        market.WeChatPay.Transactions.Pay(orderId);
        var genuine = market.WeChatPay.TransactionNotification(orderId);

        Assert.Equal(400, await market.WeChatPay.NotifyAsync(genuine with { Forged = true }, market.NotifyUrl));
        Assert.Equal(400, await market.WeChatPay.NotifyAsync(genuine with { SignedAgo = TimeSpan.FromMinutes(6) }, market.NotifyUrl));
        Assert.Equal(400, await market.WeChatPay.NotifyAsync(genuine with { TamperedCiphertext = true }, market.NotifyUrl));
        Assert.Equal(400, await market.WeChatPay.NotifyAsync(genuine with { Serial = FakeWeChatPayServer.OtherPublicKeyId }, market.NotifyUrl));
        // Genuine, but for less than the order's total: acknowledged (sending it again would not fix it), logged, and nothing paid.
        var cheaper = genuine.Altered(resource => resource["amount"]!["total"] = 1);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(cheaper, market.NotifyUrl));
        using var unsigned = new HttpClient();
        var bare = await unsigned.PostAsync(market.NotifyUrl, new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(400, (int)bare.StatusCode);
        Assert.Equal("""{"code":"FAIL","message":"失败"}""", await bare.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("PENDING_PAYMENT", await market.StatusAsync(orderId));
        Assert.Empty(await market.Server.LedgerAsync(orderId));
        Assert.Contains(market.Server.Logs().GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("changed nothing", StringComparison.Ordinal));
        // The genuine one still pays it.
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(genuine, market.NotifyUrl));
        Assert.Equal("PAID", await market.StatusAsync(orderId));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_lost_notification_is_recovered_by_the_sweep_before_the_deadline(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.WaitingOrderAsync();
        market.WeChatPay.Transactions.Pay(orderId);

        await market.Server.SweepAsync();
        Assert.Equal("PENDING_PAYMENT", await market.StatusAsync(orderId));
        market.Clock.Advance(TimeSpan.FromMinutes(14)); // Within two minutes of the 15-minute deadline.
        await market.Server.SweepAsync();

        Assert.Equal("PAID", await market.StatusAsync(orderId));
        await market.AssertLedgerAsync(orderId, escrow: 101.98m);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task At_the_deadline_the_payment_is_closed_before_the_order_is_cancelled(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.WaitingOrderAsync();
        // WeChat Pay is down at the first sweep past the deadline: the order waits for the close.
        market.Clock.Advance(TimeSpan.FromMinutes(15));
        market.WeChatPay.Script(FakeWeChatPayFault.Error(403, "NO_AUTH", "商户无权限"));
        await market.Server.SweepAsync();
        Assert.Equal(OrderStatus.PendingPayment, Assert.Single(await market.Server.StoredOrdersAsync(market.Buyer.Id)).Status);

        await market.Server.SweepAsync();

        Assert.Equal(2, market.WeChatPay.Requests.Count(r => r.Path.EndsWith("/close", StringComparison.Ordinal)));
        Assert.Equal(OrderStatus.Cancelled, Assert.Single(await market.Server.StoredOrdersAsync(market.Buyer.Id)).Status);
        var listing = (await market.Server.PostAsync("query($id: ID!) { listing(id: $id) { status } }", new { id = market.ListingId })).Ok();
        Assert.Equal("ON_SALE", listing["listing"]!["status"]!.GetValue<string>());
        Assert.Empty(await market.Server.LedgerAsync(orderId));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_payment_after_the_buyer_cancelled_is_refunded_and_recorded_when_the_refund_arrives(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.WaitingOrderAsync();
        // The buyer pays in WeChat while cancelling in the mini-program: the close finds it paid.
        market.WeChatPay.Transactions.Pay(orderId);

        await market.Server.OrderStepAsync("cancelOrder", market.Buyer, orderId);

        Assert.Equal("CANCELLED", await market.StatusAsync(orderId));
        var refund = await market.DisbursementAsync(orderId, DisbursementKind.Refund);
        Assert.Equal(DisbursementStatus.Processing, refund.Status);
        Assert.Equal(10198L, market.WeChatPay.Refunds[refund.Number]!.Refund);
        await market.AssertLedgerAsync(orderId, escrow: 101.98m);
        // The payment's own notification, late, changes nothing more.
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransactionNotification(orderId), market.NotifyUrl));

        market.WeChatPay.Refunds.Settle(refund.Number);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.RefundNotification(refund.Number), market.NotifyUrl));

        Assert.Equal(DisbursementStatus.Succeeded, (await market.DisbursementAsync(orderId, DisbursementKind.Refund)).Status);
        var ledger = await market.AssertLedgerAsync(orderId, escrow: 0m);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.Refund], ledger.Select(e => e.Kind));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_payment_notified_after_the_order_was_cancelled_is_refunded(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.WaitingOrderAsync();
        // WeChat Pay cannot close the payment when the buyer cancels; the buyer pays all the same.
        market.WeChatPay.Script(FakeWeChatPayFault.Error(403, "NO_AUTH", "商户无权限"));
        await market.Server.OrderStepAsync("cancelOrder", market.Buyer, orderId);
        Assert.Equal("CANCELLED", await market.StatusAsync(orderId));
        market.WeChatPay.Transactions.Pay(orderId);

        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransactionNotification(orderId), market.NotifyUrl));

        Assert.Equal("CANCELLED", await market.StatusAsync(orderId));
        var refund = await market.DisbursementAsync(orderId, DisbursementKind.Refund);
        Assert.Equal(10198L, market.WeChatPay.Refunds[refund.Number]!.Refund);
        market.WeChatPay.Refunds.Settle(refund.Number);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.RefundNotification(refund.Number), market.NotifyUrl));
        await market.AssertLedgerAsync(orderId, escrow: 0m);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_dispute_resolved_for_the_buyer_refunds_through_WeChat_Pay(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.PaidOrderAsync();
        await market.Server.DisputeAsync(market.Buyer, orderId);

        await market.Server.ResolveAsync(market.Admin, orderId, refundBuyer: true);

        var refund = await market.DisbursementAsync(orderId, DisbursementKind.Refund);
        Assert.Equal(DisbursementStatus.Processing, refund.Status);
        await market.AssertLedgerAsync(orderId, escrow: 101.98m);
        // The notification is lost: the sweep asks after it.
        market.WeChatPay.Refunds.Settle(refund.Number);
        market.Clock.Advance(TimeSpan.FromMinutes(2));
        await market.Server.SweepAsync();

        Assert.Equal(DisbursementStatus.Succeeded, (await market.DisbursementAsync(orderId, DisbursementKind.Refund)).Status);
        await market.AssertLedgerAsync(orderId, escrow: 0m);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Completion_pays_the_seller_once_they_accept_the_transfer(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.PaidOrderAsync();

        await market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId);

        var payout = await market.DisbursementAsync(orderId, DisbursementKind.Payout);
        var transfer = market.WeChatPay.Transfers[payout.Number]!;
        Assert.Equal(("oSellerOpenId0000000000000001", 10000L), (transfer.OpenId, transfer.Amount));
        var seen = (await market.Server.PostAsync("query($id: ID!) { order(id: $id) { payout { status payeeConfirmation } } }", new { id = orderId },
            market.Seller.AccessToken)).Ok()["order"]!["payout"]!;
        Assert.Equal("AWAITING_PAYEE", seen["status"]!.GetValue<string>());
        Assert.Equal(transfer.PackageInfo, seen["payeeConfirmation"]!.GetValue<string>());
        // Escrow keeps the seller's share until the transfer succeeds.
        await market.AssertLedgerAsync(orderId, escrow: 100m);

        market.WeChatPay.Transfers.Confirm(payout.Number);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransferNotification(payout.Number), market.NotifyUrl));

        Assert.Equal(DisbursementStatus.Succeeded, (await market.DisbursementAsync(orderId, DisbursementKind.Payout)).Status);
        var ledger = await market.AssertLedgerAsync(orderId, escrow: 0m);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.PlatformFee, LedgerEntryKind.Payout], ledger.Select(e => e.Kind));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_failed_payout_is_shown_to_admins_and_retried_under_a_new_bill_number(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var orderId = await market.PaidOrderAsync();
        await market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId);
        var first = await market.DisbursementAsync(orderId, DisbursementKind.Payout);

        market.WeChatPay.Transfers.Fail(first.Number);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransferNotification(first.Number), market.NotifyUrl));

        var failed = (await market.Server.PostAsync("{ failedDisbursements { kind failure order { id } } }", accessToken: market.Admin.AccessToken))
            .Ok()["failedDisbursements"]!.AsArray();
        Assert.Equal(orderId, Assert.Single(failed)!["order"]!["id"]!.GetValue<string>());
        Assert.Contains("PAYEE_ACCOUNT_ABNORMAL", failed[0]!["failure"]!.GetValue<string>());
        await market.AssertLedgerAsync(orderId, escrow: 100m);

        var retried = (await market.Server.PostAsync(
            "mutation($input: RetryDisbursementInput!) { retryDisbursement(input: $input) { disbursement { status attempt } errors { code } } }",
            new { input = new { orderId, kind = "PAYOUT" } }, market.Admin.AccessToken)).Ok()["retryDisbursement"]!;

        Assert.Equal(("AWAITING_PAYEE", 2), (retried["disbursement"]!["status"]!.GetValue<string>(), retried["disbursement"]!["attempt"]!.GetValue<int>()));
        var second = await market.DisbursementAsync(orderId, DisbursementKind.Payout);
        Assert.NotEqual(first.Number, second.Number);
        market.WeChatPay.Transfers.Confirm(second.Number);
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransferNotification(second.Number), market.NotifyUrl));
        // The failed attempt's notification again changes nothing.
        Assert.Equal(204, await market.WeChatPay.NotifyAsync(market.WeChatPay.TransferNotification(first.Number), market.NotifyUrl));
        Assert.Equal(DisbursementStatus.Succeeded, (await market.DisbursementAsync(orderId, DisbursementKind.Payout)).Status);
        await market.AssertLedgerAsync(orderId, escrow: 0m);
    }

    [Fact]
    public async Task Without_WeChat_sign_in_payOrder_says_so_and_changes_nothing()
    {
        await using var database = await EveryDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var market = await WeChatPayMarket.StartAsync(database);
        var phoneBuyer = await market.Server.SignInAsync("13800000077");
        var orderId = await market.Server.PurchaseOkAsync(phoneBuyer, market.ListingId);

        var payload = (await market.Server.PostAsync("mutation($input: PayOrderInput!) { payOrder(input: $input) { order { id } errors { code message } } }",
            new { input = new { orderId } }, phoneBuyer.AccessToken)).Ok()["payOrder"]!;

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("PAYMENT_FAILED", error["code"]!.GetValue<string>());
        Assert.Contains("Sign in with WeChat", error["message"]!.GetValue<string>());
        Assert.Empty(market.WeChatPay.Requests);
    }
}
