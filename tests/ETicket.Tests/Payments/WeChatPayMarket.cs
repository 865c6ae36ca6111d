using System.Text.Json.Nodes;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Infrastructure.FakeWeChatPay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Payments;

/// <summary>
/// A platform on WeChat Pay (the fake, on loopback), a seller and a buyer signed in with WeChat (the
/// fake jscode2session), an admin, and a listing; one clock for the platform and the fake.
/// </summary>
public sealed record WeChatPayMarket(
    PlatformServer Server, FakeWeChatPayServer WeChatPay, FakeWeChatServer WeChat, FakeTimeProvider Clock,
    SignedInMember Seller, SignedInMember Buyer, SignedInMember Admin, string ListingId) : IAsyncDisposable
{
    public const string AdminPhone = "13900000019";

    public Uri NotifyUrl => new(Server.BaseAddress, "/payments/wechat/notify");

    public static async Task<WeChatPayMarket> StartAsync(ITestDatabase database)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var weChatPay = await FakeWeChatPayServer.StartAsync(clock);
        var weChat = await FakeWeChatServer.StartAsync();
        var settings = new Dictionary<string, string?>(weChatPay.Settings)
        {
            ["ETicket:Payments:Provider"] = "WeChatPay",
            ["ETicket:Members:Admins:0"] = AdminPhone,
        };
        foreach (var (key, value) in weChat.Settings)
            settings[key] = value;
        var server = await TestClock.StartAsync(database, clock, settings, ServerLogs.Capture);
        weChat.Script(FakeWeChatReply.Session("oSellerOpenId0000000000000001"), FakeWeChatReply.Session("oBuyerOpenId00000000000000002"));
        var seller = await SignInWithWeChatAsync(server);
        var buyer = await SignInWithWeChatAsync(server);
        var admin = await server.SignInAsync(AdminPhone);
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100"));
        return new WeChatPayMarket(server, weChatPay, weChat, clock, seller, buyer, admin, listingId);
    }

    private static async Task<SignedInMember> SignInWithWeChatAsync(PlatformServer server)
    {
        var session = (await server.PostAsync("mutation { signInWithWeChat(input: { code: \"code\" }) { session { accessToken member { id } } errors { code } } }"))
            .Ok()["signInWithWeChat"]!["session"]!;
        return new SignedInMember(session["member"]!["id"]!.GetValue<string>(), session["accessToken"]!.GetValue<string>());
    }

    /// <summary>payOrder's payload, with weChatPayment.</summary>
    public async Task<JsonNode> PayOrderAsync(string orderId) =>
        (await Server.PostAsync("mutation($input: PayOrderInput!) { payOrder(input: $input) { order { id status } " +
                                "weChatPayment { appId timeStamp nonceStr package signType paySign } errors { code message } } }",
            new { input = new { orderId } }, Buyer.AccessToken)).Ok()["payOrder"]!;

    /// <summary>Bought, and its payment started at WeChat Pay: PENDING_PAYMENT.</summary>
    public async Task<string> WaitingOrderAsync()
    {
        var orderId = await Server.PurchaseOkAsync(Buyer, ListingId);
        Assert.Empty((await PayOrderAsync(orderId))["errors"]!.AsArray());
        return orderId;
    }

    /// <summary>Bought, paid at WeChat Pay and notified: PAID.</summary>
    public async Task<string> PaidOrderAsync()
    {
        var orderId = await WaitingOrderAsync();
        WeChatPay.Transactions.Pay(orderId);
        Assert.Equal(204, await WeChatPay.NotifyAsync(WeChatPay.TransactionNotification(orderId), NotifyUrl));
        Assert.Equal("PAID", await StatusAsync(orderId));
        return orderId;
    }

    public async Task<string> StatusAsync(string orderId) =>
        (await Server.PostAsync("query($id: ID!) { order(id: $id) { status } }", new { id = orderId }, Buyer.AccessToken))
        .Ok()["order"]!["status"]!.GetValue<string>();

    public async Task<Disbursement> DisbursementAsync(string orderId, DisbursementKind kind)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Disbursements.AsNoTracking()
            .SingleAsync(d => d.OrderId == orderId && d.Kind == kind);
    }

    /// <summary>Asserts the order's ledger balances: escrow holds <paramref name="escrow"/>, and no account is owed what it never had.</summary>
    public async Task<List<LedgerEntry>> AssertLedgerAsync(string orderId, decimal escrow)
    {
        var ledger = await Server.LedgerAsync(orderId);
        var balances = OrderRequests.Balances(ledger);
        Assert.Equal(escrow, balances[LedgerAccount.Escrow]);
        Assert.Equal(0m, balances.Values.Sum());
        Assert.Equal(0m, balances[LedgerAccount.PaymentProvider]);
        Assert.True(balances[LedgerAccount.Buyer] <= 0m);
        return ledger;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await WeChatPay.DisposeAsync();
        await WeChat.DisposeAsync();
    }
}
