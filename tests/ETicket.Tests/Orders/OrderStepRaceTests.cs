using System.Text.Json.Nodes;
using ETicket.Domain.Events;
using ETicket.Domain.Orders;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Orders;

/// <summary>
/// One order step sent many times at once (double taps, retries, two devices): exactly one takes
/// effect, every other copy gets a clean answer, and the host logs no failure.
/// </summary>
public sealed class OrderStepRaceTests
{
    private const int Copies = 20;
    private const string AdminPhone = "13900000000";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Cancelling_at_once_cancels_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchaseOkAsync(market.Buyer, market.ListingId);

        var results = await AtOnceAsync(() => market.Server.OrderStepAsync("cancelOrder", market.Buyer, orderId));

        AssertOneWinner(results, "CANCELLED");
        Assert.Equal("ON_SALE", await market.ListingStatusAsync());
        Assert.Single(await market.Server.EventsAsync<OrderStatusChanged>(), e => e.Status == OrderStatus.Cancelled);
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Disputing_at_once_disputes_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);

        var results = await AtOnceAsync(() => market.Server.DisputeAsync(market.Buyer, orderId));

        AssertOneWinner(results, "DISPUTED");
        Assert.Single(await market.Server.EventsAsync<OrderStatusChanged>(), e => e.Status == OrderStatus.Disputed);
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Confirming_at_once_pays_the_seller_and_rewards_both_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);

        var results = await AtOnceAsync(() => market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId));

        AssertOneWinner(results, "COMPLETED");
        var ledger = await market.Server.LedgerAsync(orderId);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Payout);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.PlatformFee);
        Assert.Equal((10, 10), (await market.CreditPointsAsync(market.Buyer), await market.CreditPointsAsync(market.Seller)));
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Resolving_a_dispute_at_once_both_ways_settles_it_one_way(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);
        await market.Server.DisputeAsync(market.Buyer, orderId);

        var copy = 0;
        var results = await AtOnceAsync(() => market.Server.ResolveAsync(market.Admin, orderId, refundBuyer: Interlocked.Increment(ref copy) % 2 == 0));

        var winner = Assert.Single(results, r => r["order"] is not null)["order"]!["status"]!.GetValue<string>();
        Assert.All(results.Where(r => r["order"] is null),
            r => Assert.Equal("INVALID_STATE", ListingRequests.SingleError(r)["code"]!.GetValue<string>()));
        LedgerEntryKind[] settled = winner == "REFUNDED"
            ? [LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.Refund]
            : [LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.PlatformFee, LedgerEntryKind.Payout]; // The payout once the provider paid it.
        Assert.Equal(settled, (await market.Server.LedgerAsync(orderId)).Select(e => e.Kind));
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Paying_and_cancelling_at_once_end_in_one_of_them(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchaseOkAsync(market.Buyer, market.ListingId);

        var copy = 0;
        var results = await AtOnceAsync(async () =>
        {
            var step = Interlocked.Increment(ref copy) % 2 == 0 ? "payOrder" : "cancelOrder";
            return (step, payload: await market.Server.OrderStepAsync(step, market.Buyer, orderId));
        });

        var paid = (await market.Server.StoredOrdersAsync(market.Buyer.Id)).Single().Status == OrderStatus.Paid;
        foreach (var (step, payload) in results)
        {
            // Once paid, paying again answers the paid order; everything else after the decision is INVALID_STATE.
            if (paid && step == "payOrder")
                Assert.Equal("PAID", payload["order"]!["status"]!.GetValue<string>());
            else if (payload["order"] is not null)
                Assert.Equal(("cancelOrder", "CANCELLED"), (step, payload["order"]!["status"]!.GetValue<string>()));
            else
                Assert.Equal("INVALID_STATE", ListingRequests.SingleError(payload)["code"]!.GetValue<string>());
        }
        if (!paid)
            Assert.Single(results, r => r.payload["order"] is not null);
        Assert.Equal(paid ? 2 : 0, (await market.Server.LedgerAsync(orderId)).Count);
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_seller_whose_trades_complete_at_once_gains_the_points_of_each(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var listings = await market.Server.SeedAsync(market.Seller.Id, 10, i => ListingSeeds.Concert($"Listing {i}", 100m));
        var buyers = await Task.WhenAll(listings.Select((_, i) => market.Server.SignInAsync($"1370000{i:0000}")));
        var orders = new List<(SignedInMember Buyer, string OrderId)>();
        foreach (var (buyer, listingId) in buyers.Zip(listings))
            orders.Add((buyer, await market.Server.PurchasePaidAsync(buyer, listingId)));

        var results = await Task.WhenAll(orders.Select(o => market.Server.OrderStepAsync("confirmOrder", o.Buyer, o.OrderId)));

        Assert.All(results, r => Assert.Equal("COMPLETED", r["order"]!["status"]!.GetValue<string>()));
        Assert.Equal(100, await market.CreditPointsAsync(market.Seller));
        market.Server.AssertNoErrors();
    }

    /// <summary>A seller's listing, a buyer and an admin on a server that keeps its log.</summary>
    private sealed record Market(PlatformServer Server, SignedInMember Seller, SignedInMember Buyer, SignedInMember Admin, string ListingId) : IAsyncDisposable
    {
        public static async Task<Market> StartAsync(ITestDatabase database)
        {
            var server = await PlatformServer.StartAsync(database, new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = AdminPhone },
                configureServices: ServerLogs.Capture);
            var seller = await server.SignInAsync("13800000001");
            var buyer = await server.SignInAsync("13800000002");
            var admin = await server.SignInAsync(AdminPhone);
            var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100"));
            return new Market(server, seller, buyer, admin, listingId);
        }

        public async Task<string> ListingStatusAsync() =>
            (await Server.PostAsync("query($id: ID!) { listing(id: $id) { status } }", new { id = ListingId })).Ok()["listing"]!["status"]!.GetValue<string>();

        public async Task<int> CreditPointsAsync(SignedInMember member) =>
            (await Server.PostAsync("query($id: ID!) { member(id: $id) { creditPoints } }", new { id = member.Id })).Ok()["member"]!["creditPoints"]!.GetValue<int>();

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static Task<T[]> AtOnceAsync<T>(Func<Task<T>> step) => Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => step()));

    /// <summary>One copy moved the order to <paramref name="status"/>; every other was refused as INVALID_STATE.</summary>
    private static void AssertOneWinner(JsonNode[] results, string status)
    {
        Assert.Equal(status, Assert.Single(results, r => r["order"] is not null)["order"]!["status"]!.GetValue<string>());
        Assert.All(results.Where(r => r["order"] is null),
            r => Assert.Equal("INVALID_STATE", ListingRequests.SingleError(r)["code"]!.GetValue<string>()));
    }
}
