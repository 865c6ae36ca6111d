using System.Text;
using System.Text.Json.Nodes;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.Extensions.DependencyInjection;
using static ETicket.Tests.Orders.Payments.WeChatPay.WeChatPayTestData;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>Notifications are believed only when WeChat Pay signed them just now with its key and they decrypt with the APIv3 key.</summary>
public sealed class WeChatPayNotificationsTests
{
    private const string OutTradeNo = "ET20260201";

    [Fact]
    public async Task A_payment_notification_reads_as_the_payment()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var notification = await PaidAsync(harness);
        var queried = await harness.Client.QueryTransactionAsync(OutTradeNo, Ct);

        var read = Assert.IsType<WeChatPayTransactionNotification>(Read(harness, harness.WeChatPay.Seal(notification)));

        Assert.Equal((notification.Id, WeChatPayEventTypes.TransactionSuccess), (read.Id, read.EventType));
        Assert.Equal(queried, read.Transaction);
    }

    [Theory]
    [InlineData("SUCCESS", WeChatPayRefundStatus.Success)]
    [InlineData("ABNORMAL", WeChatPayRefundStatus.Abnormal)]
    [InlineData("CLOSED", WeChatPayRefundStatus.Closed)]
    public async Task A_refund_notification_reads_as_the_refund(string status, WeChatPayRefundStatus expected)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await PaidAsync(harness);
        await harness.Client.CreateRefundAsync(OutTradeNo, "RF20260201", "卖家取消", 3000, 38800, Ct);
        harness.WeChatPay.Refunds.Settle("RF20260201", status);

        var read = Assert.IsType<WeChatPayRefundNotification>(Read(harness, harness.WeChatPay.Seal(harness.WeChatPay.RefundNotification("RF20260201"))));

        var made = harness.WeChatPay.Refunds["RF20260201"]!;
        Assert.Equal($"REFUND.{status}", read.EventType);
        Assert.Equal(new WeChatPayRefund("RF20260201", OutTradeNo, made.RefundId, made.TransactionId, expected, 3000, 38800, 3000,
            made.SuccessTime is { } at ? DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()) : null, "支付用户零钱"), read.Refund);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_transfer_notification_reads_as_the_transfer(bool confirmed)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await harness.Client.CreateTransferAsync("PO20260201", SellerOpenId, 36860, "门票转售货款", cancellationToken: Ct);
        var settled = confirmed ? harness.WeChatPay.Transfers.Confirm("PO20260201") : harness.WeChatPay.Transfers.Fail("PO20260201", "PAYEE_ACCOUNT_ABNORMAL");

        var read = Assert.IsType<WeChatPayTransferNotification>(Read(harness, harness.WeChatPay.Seal(harness.WeChatPay.TransferNotification("PO20260201"))));

        Assert.Equal(WeChatPayEventTypes.TransferFinished, read.EventType);
        Assert.Equal((confirmed ? WeChatPayTransferState.Success : WeChatPayTransferState.Fail, confirmed ? null : "PAYEE_ACCOUNT_ABNORMAL"),
            (read.Transfer.State, read.Transfer.FailReason));
        Assert.Equal(("PO20260201", settled.TransferBillNo, 36860L, SellerOpenId), (read.Transfer.OutBillNo, read.Transfer.TransferBillNo, read.Transfer.AmountFen, read.Transfer.OpenId));
    }

    public static TheoryData<string, Func<FakeWeChatPayServer, FakeNotification, FakeSealedNotification>, WeChatPayRefusal> Refused => new()
    {
        { "signed with another key", (fake, n) => fake.Seal(n with { Forged = true }), WeChatPayRefusal.BadSignature },
        { "altered after signing", (fake, n) => Altered(fake.Seal(n)), WeChatPayRefusal.BadSignature },
        { "without a signature", (fake, n) => Without(fake.Seal(n), "Wechatpay-Signature"), WeChatPayRefusal.BadSignature },
        { "a signature probe", (fake, n) => With(fake.Seal(n), "Wechatpay-Signature", "WECHATPAY/SIGNTEST/" + fake.Seal(n).Headers["Wechatpay-Signature"]), WeChatPayRefusal.BadSignature },
        { "under another key id", (fake, n) => fake.Seal(n with { Serial = FakeWeChatPayServer.OtherPublicKeyId }), WeChatPayRefusal.UnknownSerial },
        { "without a key id", (fake, n) => Without(fake.Seal(n), "Wechatpay-Serial"), WeChatPayRefusal.UnknownSerial },
        { "signed six minutes ago", (fake, n) => fake.Seal(n with { SignedAgo = TimeSpan.FromMinutes(6) }), WeChatPayRefusal.StaleTimestamp },
        { "signed six minutes ahead", (fake, n) => fake.Seal(n with { SignedAgo = TimeSpan.FromMinutes(-6) }), WeChatPayRefusal.StaleTimestamp },
        { "a tampered ciphertext", (fake, n) => fake.Seal(n with { TamperedCiphertext = true }), WeChatPayRefusal.DecryptionFailed },
        { "for another merchant", (fake, n) => fake.Seal(n.Altered(r => r["mchid"] = "1900000109")), WeChatPayRefusal.WrongMerchant },
        { "for another app", (fake, n) => fake.Seal(n.Altered(r => r["appid"] = "wxd678efh567hg6787")), WeChatPayRefusal.WrongMerchant },
        { "a resource without out_trade_no", (fake, n) => fake.Seal(n.Altered(r => r.Remove("out_trade_no"))), WeChatPayRefusal.Malformed },
        { "a body that is not JSON", (fake, _) => fake.SignRaw("SUCCESS"), WeChatPayRefusal.Malformed },
        { "another algorithm", (fake, n) => Resigned(fake, fake.Seal(n), body => body.Replace("AEAD_AES_256_GCM", "AEAD_SM4_GCM")), WeChatPayRefusal.Malformed },
        { "nested past any notification", (fake, _) => fake.SignRaw(new string('[', 100) + new string(']', 100)), WeChatPayRefusal.Malformed },
        { "larger than 64 KB", (fake, _) => fake.SignRaw($$"""{"id":"{{new string('x', WeChatPayNotifications.MaxBodyBytes)}}"}"""), WeChatPayRefusal.TooLarge },
    };

    [Theory, MemberData(nameof(Refused))]
    public async Task A_notification_WeChat_Pay_did_not_send_now_for_this_merchant_is_refused(string what,
        Func<FakeWeChatPayServer, FakeNotification, FakeSealedNotification> variant, WeChatPayRefusal refusal)
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var notification = await PaidAsync(harness);
        var sealedNotification = variant(harness.WeChatPay, notification);

        var read = harness.Notifications.TryRead(sealedNotification.Body, HeadersOf(sealedNotification), out var accepted, out var why);

        Assert.False(read, what);
        Assert.Null(accepted);
        Assert.True(refusal == why, $"{what}: {why}");
    }

    [Fact]
    public async Task What_only_the_order_can_check_is_passed_on_as_WeChat_Pay_said_it()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var notification = await PaidAsync(harness);

        var wrongAmount = Read(harness, harness.WeChatPay.Seal(notification.Altered(r => r["amount"]!["total"] = 1)));
        var unknownPayment = Read(harness, harness.WeChatPay.Seal(notification.Altered(r => r["out_trade_no"] = "ET20269999")));
        var first = Read(harness, harness.WeChatPay.Seal(notification));
        var duplicate = Read(harness, harness.WeChatPay.Seal(notification));

        Assert.Equal(1, Assert.IsType<WeChatPayTransactionNotification>(wrongAmount).Transaction.TotalFen);
        Assert.Equal("ET20269999", Assert.IsType<WeChatPayTransactionNotification>(unknownPayment).Transaction.OutTradeNo);
        Assert.Equal(first, duplicate);
    }

    [Fact]
    public async Task An_event_the_platform_does_not_act_on_is_read_but_not_interpreted()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        var notification = await PaidAsync(harness) with { EventType = "TRANSACTION.CLOSED" };

        var read = Read(harness, harness.WeChatPay.Seal(notification));

        Assert.Equal(new WeChatPayOtherNotification(notification.Id, read.CreateTime, "TRANSACTION.CLOSED"), read);
    }

    [Fact]
    public async Task Over_HTTP_a_notify_endpoint_answers_WeChat_Pay_as_it_expects()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync(harness.Notifications);
        var notification = await PaidAsync(harness);

        var genuine = await harness.WeChatPay.NotifyAsync(notification, receiver.NotifyUrl);
        var duplicate = await harness.WeChatPay.NotifyAsync(notification, receiver.NotifyUrl);
        var forged = await harness.WeChatPay.NotifyAsync(notification with { Forged = true }, receiver.NotifyUrl);
        var tooLarge = await harness.WeChatPay.NotifyAsync(notification.Altered(r => r["attach"] = new string('x', WeChatPayNotifications.MaxBodyBytes)), receiver.NotifyUrl);
        using var http = new HttpClient();
        using var failure = await http.PostAsync(receiver.NotifyUrl, new StringContent("{}"), Ct);

        Assert.Equal([204, 204, 400, 400], new[] { genuine, duplicate, forged, tooLarge });
        Assert.Equal([notification.Id, notification.Id], receiver.Accepted.Select(n => n.Id));
        Assert.Equal(400, (int)failure.StatusCode);
        Assert.Equal("application/json; charset=utf-8", failure.Content.Headers.ContentType!.ToString());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["code"] = "FAIL", ["message"] = "失败" }, JsonNode.Parse(await failure.Content.ReadAsStringAsync(Ct))));
    }

    [Fact]
    public async Task The_notification_goes_to_the_notify_url_the_payment_was_placed_with()
    {
        await using var harness = await WeChatPayHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync(harness.Notifications);
        await using var platform = WeChatPayHarness.Build(WeChatPayHarness.Merge(harness.WeChatPay.Settings,
            new Dictionary<string, string?> { [$"{FakeWeChatPayServer.SettingsSection}:NotifyUrl"] = receiver.NotifyUrl.ToString() }));
        var client = platform.GetRequiredService<WeChatPayClient>();
        await client.CreateJsapiTransactionAsync(OutTradeNo, "门票", 38800, PayerOpenId, Expiry, cancellationToken: Ct);
        harness.WeChatPay.Transactions.Pay(OutTradeNo);

        Assert.Equal(204, await harness.WeChatPay.NotifyAsync(harness.WeChatPay.TransactionNotification(OutTradeNo)));
        Assert.Equal(OutTradeNo, Assert.IsType<WeChatPayTransactionNotification>(Assert.Single(receiver.Accepted)).Transaction.OutTradeNo);
    }

    private static async Task<FakeNotification> PaidAsync(WeChatPayHarness harness)
    {
        await harness.Client.CreateJsapiTransactionAsync(OutTradeNo, "演唱会门票", 38800, PayerOpenId, Expiry, cancellationToken: Ct);
        harness.WeChatPay.Transactions.Pay(OutTradeNo);
        return harness.WeChatPay.TransactionNotification(OutTradeNo);
    }

    private static WeChatPayNotification Read(WeChatPayHarness harness, FakeSealedNotification sealedNotification)
    {
        Assert.True(harness.Notifications.TryRead(sealedNotification.Body, HeadersOf(sealedNotification), out var notification, out var refusal), $"refused: {refusal}");
        return notification;
    }

    private static WeChatPaySignatureHeaders HeadersOf(FakeSealedNotification sealedNotification) => new(
        sealedNotification.Headers.GetValueOrDefault("Wechatpay-Timestamp"), sealedNotification.Headers.GetValueOrDefault("Wechatpay-Nonce"),
        sealedNotification.Headers.GetValueOrDefault("Wechatpay-Signature"), sealedNotification.Headers.GetValueOrDefault("Wechatpay-Serial"));

    private static FakeSealedNotification Altered(FakeSealedNotification sealedNotification) =>
        sealedNotification with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(sealedNotification.Body).Replace("encrypt-resource", "encrypt-resourcE")) };

    private static FakeSealedNotification Without(FakeSealedNotification sealedNotification, string header) =>
        sealedNotification with { Headers = sealedNotification.Headers.Where(h => h.Key != header).ToDictionary() };

    private static FakeSealedNotification With(FakeSealedNotification sealedNotification, string header, string value) =>
        sealedNotification with { Headers = new Dictionary<string, string>(sealedNotification.Headers) { [header] = value } };

    private static FakeSealedNotification Resigned(FakeWeChatPayServer fake, FakeSealedNotification sealedNotification, Func<string, string> change) =>
        fake.SignRaw(change(Encoding.UTF8.GetString(sealedNotification.Body)));
}
