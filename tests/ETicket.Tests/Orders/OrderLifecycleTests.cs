using ETicket.Domain.Orders;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Orders;

public sealed class OrderLifecycleTests
{
    private const string AdminPhone = "13900000000";

    private sealed record Trade(PlatformServer Server, FakeTimeProvider Clock, SignedInMember Seller, SignedInMember Buyer, SignedInMember Admin, string ListingId) : IAsyncDisposable
    {
        /// <summary>Moves time on; access tokens outlived by it are replaced by signing in again.</summary>
        public async Task<Trade> AdvanceAsync(TimeSpan time)
        {
            Clock.Advance(time);
            return this with
            {
                Seller = await Server.SignInAsync("13800000001"),
                Buyer = await Server.SignInAsync("13800000002"),
                Admin = await Server.SignInAsync(AdminPhone),
            };
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static async Task<Trade> StartTradeAsync(ITestDatabase? database = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = AdminPhone };
        var server = database is null
            ? await PlatformServer.StartAsync(settings, configureServices: s => ConfigureServices(s, clock))
            : await PlatformServer.StartAsync(database.Settings.Concat(settings).ToDictionary(), configureServices: s => ConfigureServices(s, clock));
        var seller = await server.SignInAsync("13800000001", "Seller");
        var buyer = await server.SignInAsync("13800000002", "Buyer");
        var admin = await server.SignInAsync(AdminPhone, "Admin");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100", ticketCode: "GATE-42"));
        return new Trade(server, clock, seller, buyer, admin, listingId);
    }

    private static void ConfigureServices(IServiceCollection services, FakeTimeProvider clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        ServerLogs.Capture(services);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Paying_holds_the_money_in_escrow_and_reveals_the_code_to_the_buyer(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var trade = await StartTradeAsync(database);
        var orderId = await trade.Server.PurchaseOkAsync(trade.Buyer, trade.ListingId);

        var paid = await trade.Server.OrderStepAsync("payOrder", trade.Buyer, orderId);

        Assert.Empty(paid["errors"]!.AsArray());
        var order = paid["order"]!;
        Assert.Equal("PAID", order["status"]!.GetValue<string>());
        Assert.Equal("GATE-42", order["ticketCode"]!.GetValue<string>());
        Assert.NotNull(order["paidAt"]);
        var confirmBy = DateTimeOffset.Parse(order["confirmDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(trade.Clock.GetUtcNow().AddHours(72), confirmBy, TimeSpan.FromSeconds(1));
        var ledger = await trade.Server.LedgerAsync(orderId);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold], ledger.Select(e => e.Kind));
        var balances = OrderRequests.Balances(ledger);
        Assert.Equal(101.98m, balances[LedgerAccount.Escrow]); // 100 + 2.00 x 0.99 (the 100-999.99 tier, NORMAL level)
        Assert.Equal(0m, balances[LedgerAccount.PaymentProvider]);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Paying_twice_at_once_charges_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var trade = await StartTradeAsync(database);
        var orderId = await trade.Server.PurchaseOkAsync(trade.Buyer, trade.ListingId);

        var payments = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => trade.Server.OrderStepAsync("payOrder", trade.Buyer, orderId)));

        Assert.All(payments, p => Assert.Equal("PAID", p["order"]!["status"]!.GetValue<string>()));
        var ledger = await trade.Server.LedgerAsync(orderId);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Charge);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Hold);
        // And again later: still one charge.
        Assert.Empty((await trade.Server.OrderStepAsync("payOrder", trade.Buyer, orderId))["errors"]!.AsArray());
        Assert.Equal(2, (await trade.Server.LedgerAsync(orderId)).Count);
        trade.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Confirming_completes_the_trade_pays_the_seller_and_rewards_both(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var trade = await StartTradeAsync(database);
        var orderId = await trade.Server.PurchasePaidAsync(trade.Buyer, trade.ListingId);

        var confirmed = await trade.Server.OrderStepAsync("confirmOrder", trade.Buyer, orderId);

        Assert.Equal("COMPLETED", confirmed["order"]!["status"]!.GetValue<string>());
        Assert.Equal("SOLD", confirmed["order"]!["listing"]!["status"]!.GetValue<string>());
        Assert.NotNull(confirmed["order"]!["completedAt"]);
        var balances = OrderRequests.Balances(await trade.Server.LedgerAsync(orderId));
        Assert.Equal(0m, balances[LedgerAccount.Escrow]);
        Assert.Equal(100.00m, balances[LedgerAccount.Seller]);
        Assert.Equal(1.98m, balances[LedgerAccount.Platform]);
        Assert.Equal(-101.98m, balances[LedgerAccount.Buyer]);
        Assert.Equal(0m, balances.Values.Sum());

        var people = (await trade.Server.PostAsync("query($b: ID!, $s: ID!) { b: member(id: $b) { creditPoints completedTrades } s: member(id: $s) { creditPoints completedTrades } }",
            new { b = trade.Buyer.Id, s = trade.Seller.Id })).Ok();
        Assert.Equal(10, people["b"]!["creditPoints"]!.GetValue<int>());
        Assert.Equal(10, people["s"]!["creditPoints"]!.GetValue<int>());
        Assert.Equal(1, people["b"]!["completedTrades"]!.GetValue<int>());
        Assert.Equal(1, people["s"]!["completedTrades"]!.GetValue<int>());
        // The buyer keeps seeing the code they bought.
        Assert.Equal("GATE-42", confirmed["order"]!["ticketCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_puts_the_listing_back_on_sale()
    {
        await using var trade = await StartTradeAsync();
        var orderId = await trade.Server.PurchaseOkAsync(trade.Buyer, trade.ListingId);

        var cancelled = await trade.Server.OrderStepAsync("cancelOrder", trade.Buyer, orderId);

        Assert.Equal("CANCELLED", cancelled["order"]!["status"]!.GetValue<string>());
        Assert.Equal("ON_SALE", cancelled["order"]!["listing"]!["status"]!.GetValue<string>());
        Assert.Empty(await trade.Server.LedgerAsync(orderId));
        var again = await trade.Server.OrderStepAsync("cancelOrder", trade.Buyer, orderId);
        Assert.Equal("INVALID_STATE", again["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task An_unpaid_order_is_cancelled_when_its_deadline_passes(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var started = await StartTradeAsync(database);
        var orderId = await started.Server.PurchaseOkAsync(started.Buyer, started.ListingId);

        var trade = await started.AdvanceAsync(TimeSpan.FromMinutes(15));
        // Reads say CANCELLED before any sweep records it, and paying is refused.
        var read = (await trade.Server.PostAsync("query($id: ID!) { order(id: $id) { status } }", new { id = orderId }, trade.Buyer.AccessToken)).Ok();
        Assert.Equal("CANCELLED", read["order"]!["status"]!.GetValue<string>());
        var late = await trade.Server.OrderStepAsync("payOrder", trade.Buyer, orderId);
        Assert.Equal("INVALID_STATE", late["errors"]![0]!["code"]!.GetValue<string>());

        await trade.Server.SweepAsync();
        var listing = (await trade.Server.PostAsync("query($id: ID!) { listing(id: $id) { status } }", new { id = trade.ListingId })).Ok();
        Assert.Equal("ON_SALE", listing["listing"]!["status"]!.GetValue<string>());
        Assert.Empty(await trade.Server.LedgerAsync(orderId));
    }

    [Fact]
    public async Task Another_buyer_can_buy_a_listing_whose_reservation_ran_out_before_any_sweep()
    {
        await using var trade = await StartTradeAsync();
        await trade.Server.PurchaseOkAsync(trade.Buyer, trade.ListingId);

        trade.Clock.Advance(TimeSpan.FromMinutes(16));
        var other = await trade.Server.SignInAsync("13800000003");

        Assert.Empty((await trade.Server.PurchaseAsync(other, trade.ListingId))["errors"]!.AsArray());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task An_unconfirmed_order_completes_by_itself_after_the_window(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var started = await StartTradeAsync(database);
        var orderId = await started.Server.PurchasePaidAsync(started.Buyer, started.ListingId);

        var trade = await started.AdvanceAsync(TimeSpan.FromHours(71));
        await trade.Server.SweepAsync();
        Assert.Equal("PAID", await StatusAsync(trade, orderId));

        trade = await trade.AdvanceAsync(TimeSpan.FromHours(1));
        await trade.Server.SweepAsync();
        Assert.Equal("COMPLETED", await StatusAsync(trade, orderId));
        Assert.Equal(0m, OrderRequests.Balances(await trade.Server.LedgerAsync(orderId))[LedgerAccount.Escrow]);
        // Too late to dispute now.
        Assert.Equal("INVALID_STATE", (await trade.Server.DisputeAsync(trade.Buyer, orderId))["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_refunded_dispute_returns_the_money_withdraws_the_listing_and_costs_the_seller(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var trade = await StartTradeAsync(database);
        // The seller has 20 points from an earlier trade; the penalty of 50 stops at zero.
        var earlier = await trade.Server.PublishOkAsync(trade.Seller, ListingRequests.Concert(ticketCode: "EARLIER"));
        var earlierOrder = await trade.Server.PurchasePaidAsync(trade.Buyer, earlier);
        await trade.Server.OrderStepAsync("confirmOrder", trade.Buyer, earlierOrder);
        var orderId = await trade.Server.PurchasePaidAsync(trade.Buyer, trade.ListingId);

        var disputed = await trade.Server.DisputeAsync(trade.Buyer, orderId);
        Assert.Equal("DISPUTED", disputed["order"]!["status"]!.GetValue<string>());
        Assert.Equal("GATE-42", disputed["order"]!["ticketCode"]!.GetValue<string>());

        var refunded = await trade.Server.ResolveAsync(trade.Admin, orderId, refundBuyer: true);

        Assert.Equal("REFUNDED", refunded["order"]!["status"]!.GetValue<string>());
        Assert.Equal("WITHDRAWN", refunded["order"]!["listing"]!["status"]!.GetValue<string>());
        // A refunded buyer no longer sees the code (only PAID, DISPUTED and COMPLETED reveal it).
        var asBuyer = (await trade.Server.PostAsync("query($id: ID!) { order(id: $id) { ticketCode } }", new { id = orderId }, trade.Buyer.AccessToken)).Ok();
        Assert.Null(asBuyer["order"]!["ticketCode"]);
        var balances = OrderRequests.Balances(await trade.Server.LedgerAsync(orderId));
        Assert.Equal(0m, balances[LedgerAccount.Escrow]);
        Assert.Equal(0m, balances[LedgerAccount.Buyer]);
        Assert.Equal(0m, balances[LedgerAccount.Seller]);
        var seller = (await trade.Server.PostAsync("query($id: ID!) { member(id: $id) { creditPoints } }", new { id = trade.Seller.Id })).Ok();
        Assert.Equal(0, seller["member"]!["creditPoints"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_dispute_resolved_for_the_seller_completes_the_order()
    {
        await using var trade = await StartTradeAsync();
        var orderId = await trade.Server.PurchasePaidAsync(trade.Buyer, trade.ListingId);
        await trade.Server.DisputeAsync(trade.Buyer, orderId);

        var resolved = await trade.Server.ResolveAsync(trade.Admin, orderId, refundBuyer: false);

        Assert.Equal("COMPLETED", resolved["order"]!["status"]!.GetValue<string>());
        Assert.Equal("SOLD", resolved["order"]!["listing"]!["status"]!.GetValue<string>());
        Assert.Equal(100.00m, OrderRequests.Balances(await trade.Server.LedgerAsync(orderId))[LedgerAccount.Seller]);
    }

    [Fact]
    public async Task Only_the_buyer_moves_an_order_and_only_admins_resolve_disputes()
    {
        await using var trade = await StartTradeAsync();
        var orderId = await trade.Server.PurchaseOkAsync(trade.Buyer, trade.ListingId);

        foreach (var step in new[] { "payOrder", "cancelOrder", "confirmOrder" })
        {
            var bySeller = await trade.Server.OrderStepAsync(step, trade.Seller, orderId);
            Assert.Equal("NOT_ALLOWED", bySeller["errors"]![0]!["code"]!.GetValue<string>());
        }
        await trade.Server.OrderStepAsync("payOrder", trade.Buyer, orderId);
        await trade.Server.DisputeAsync(trade.Buyer, orderId);
        var byMember = await trade.Server.PostAsync("mutation($id: ID!) { resolveDispute(input: { orderId: $id, refundBuyer: true }) { errors { code } } }",
            new { id = orderId }, trade.Buyer.AccessToken);
        Assert.Equal("FORBIDDEN", byMember.FirstErrorCode);
        var shortReason = await trade.Server.DisputeAsync(trade.Buyer, orderId, reason: " ");
        Assert.Equal("reason", shortReason["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_step_writes_its_event_to_the_outbox()
    {
        await using var trade = await StartTradeAsync();
        var orderId = await trade.Server.PurchasePaidAsync(trade.Buyer, trade.ListingId);
        await trade.Server.OrderStepAsync("confirmOrder", trade.Buyer, orderId);

        await using var scope = trade.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicket.Domain.Persistence.ETicketDbContext>();
        var statuses = db.OutboxMessages.AsEnumerable()
            .Select(m => m.Payload).Select(ETicket.Domain.Events.DomainEvent.FromJson).OfType<ETicket.Domain.Events.OrderStatusChanged>()
            .Where(e => e.OrderId == orderId).Select(e => e.Status).ToList();
        Assert.Equal([OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Completed], statuses);
    }

    private static async Task<string> StatusAsync(Trade trade, string orderId) =>
        (await trade.Server.PostAsync("query($id: ID!) { order(id: $id) { status } }", new { id = orderId }, trade.Buyer.AccessToken))
            .Ok()["order"]!["status"]!.GetValue<string>();
}
