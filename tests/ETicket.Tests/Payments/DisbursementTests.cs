using System.Text.Json.Nodes;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Payments;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Payments;

/// <summary>
/// Refunds and payouts leave escrow through the provider, are recorded in the ledger when it says the
/// money arrived, are asked again when it cannot be reached, and are visible (and retried) where they should be.
/// </summary>
public sealed class DisbursementTests
{
    private const string AdminPhone = "13900000009";
    private const string Disbursement = "{ kind status amount attempt failure payeeConfirmation }";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_payout_is_recorded_when_paid_and_shown_to_the_seller_and_admins_alone(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);

        await market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId);

        var payout = JsonNode.Parse("""{ "kind": "PAYOUT", "status": "SUCCEEDED", "amount": "100.00", "attempt": 1, "failure": null, "payeeConfirmation": null }""");
        Assert.True(JsonNode.DeepEquals(payout, await market.PayoutAsync(market.Seller, orderId)));
        Assert.True(JsonNode.DeepEquals(payout, await market.PayoutAsync(market.Admin, orderId)));
        Assert.Null(await market.PayoutAsync(market.Buyer, orderId));
        var ledger = await market.Server.LedgerAsync(orderId);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.PlatformFee, LedgerEntryKind.Payout], ledger.Select(e => e.Kind));
        Assert.Equal(0m, OrderRequests.Balances(ledger)[LedgerAccount.Escrow]);
        market.Server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_refund_for_the_buyer_is_recorded_when_paid_and_shown_to_the_buyer(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);
        await market.Server.DisputeAsync(market.Buyer, orderId);

        await market.Server.ResolveAsync(market.Admin, orderId, refundBuyer: true);

        var refund = (await market.Server.PostAsync($"query($id: ID!) {{ order(id: $id) {{ refund {Disbursement} payout {{ status }} }} }}", new { id = orderId },
            market.Buyer.AccessToken)).Ok()["order"]!;
        // The whole total: the price and the service charge.
        Assert.Equal(("REFUND", "SUCCEEDED", "101.98"), (refund["refund"]!["kind"]!.GetValue<string>(), refund["refund"]!["status"]!.GetValue<string>(),
            refund["refund"]!["amount"]!.GetValue<string>()));
        Assert.Null(refund["payout"]);
        var ledger = await market.Server.LedgerAsync(orderId);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Hold, LedgerEntryKind.Refund], ledger.Select(e => e.Kind));
        Assert.Equal(0m, OrderRequests.Balances(ledger)[LedgerAccount.Escrow]);
        Assert.Equal(0m, OrderRequests.Balances(ledger)[LedgerAccount.Buyer]);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_failed_payout_stays_in_escrow_is_listed_for_admins_and_a_retry_pays_it_under_a_new_number(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);
        market.Payouts.Script(ScriptedPayouts.Fail);

        await market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId);

        var failed = await market.PayoutAsync(market.Seller, orderId);
        Assert.Equal(("FAILED", "The payee's account cannot receive transfers."), (failed!["status"]!.GetValue<string>(), failed["failure"]!.GetValue<string>()));
        Assert.Equal(100m, OrderRequests.Balances(await market.Server.LedgerAsync(orderId))[LedgerAccount.Escrow]);
        var listed = (await market.Server.PostAsync("{ failedDisbursements { kind status order { id } } }", accessToken: market.Admin.AccessToken)).Ok()["failedDisbursements"]!;
        Assert.Equal(orderId, Assert.Single(listed.AsArray())!["order"]!["id"]!.GetValue<string>());
        var notAdmin = await market.Server.PostAsync("{ failedDisbursements { kind } }", accessToken: market.Seller.AccessToken);
        Assert.Equal("FORBIDDEN", notAdmin.Errors![0]!["extensions"]!["code"]!.GetValue<string>());

        var retried = await market.RetryAsync(market.Admin, orderId, "PAYOUT");

        Assert.Empty(retried["errors"]!.AsArray());
        Assert.Equal(("SUCCEEDED", 2), (retried["disbursement"]!["status"]!.GetValue<string>(), retried["disbursement"]!["attempt"]!.GetValue<int>()));
        var numbers = market.Payouts.Asked.ToArray();
        Assert.Equal(2, numbers.Distinct().Count());
        var ledger = await market.Server.LedgerAsync(orderId);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Payout);
        Assert.Equal(0m, OrderRequests.Balances(ledger)[LedgerAccount.Escrow]);
        Assert.Empty((await market.Server.PostAsync("{ failedDisbursements { kind } }", accessToken: market.Admin.AccessToken)).Ok()["failedDisbursements"]!.AsArray());
        // Only a failed one is tried again: a paid payout is not paid twice.
        Assert.Equal("INVALID_STATE", ListingRequests.SingleError(await market.RetryAsync(market.Admin, orderId, "PAYOUT"))["code"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_provider_out_of_reach_is_asked_again_by_the_sweep_under_the_same_number(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var market = await Market.StartAsync(database);
        var orderId = await market.Server.PurchasePaidAsync(market.Buyer, market.ListingId);
        market.Payouts.Script(ScriptedPayouts.Unreachable);

        await market.Server.OrderStepAsync("confirmOrder", market.Buyer, orderId);
        Assert.Equal("PENDING", (await market.PayoutAsync(market.Seller, orderId))!["status"]!.GetValue<string>());
        await Task.Delay(50, TestContext.Current.CancellationToken); // The check interval (10 ms here) passes.
        await market.Server.SweepAsync();

        Assert.Equal("SUCCEEDED", (await market.PayoutAsync(market.Seller, orderId))!["status"]!.GetValue<string>());
        var numbers = market.Payouts.Asked.ToArray();
        Assert.Equal(2, numbers.Length);
        Assert.Single(numbers.Distinct());
        Assert.Equal(0m, OrderRequests.Balances(await market.Server.LedgerAsync(orderId))[LedgerAccount.Escrow]);
    }

    private sealed record Market(PlatformServer Server, ScriptedPayouts Payouts, SignedInMember Seller, SignedInMember Buyer, SignedInMember Admin, string ListingId)
        : IAsyncDisposable
    {
        public static async Task<Market> StartAsync(ITestDatabase database)
        {
            var payouts = new ScriptedPayouts(TimeProvider.System);
            var server = await PlatformServer.StartAsync(database, new Dictionary<string, string?>
            {
                ["ETicket:Members:Admins:0"] = AdminPhone,
                ["ETicket:Payments:CheckInterval"] = "00:00:00.010",
                // The test sweeps when it wants to.
                ["ETicket:Marketplace:SweepInBackground"] = "false",
            }, configureServices: services =>
            {
                ServerLogs.Capture(services);
                services.AddSingleton<IPaymentProvider>(payouts);
            });
            var seller = await server.SignInAsync("13800000011");
            var buyer = await server.SignInAsync("13800000012");
            var admin = await server.SignInAsync(AdminPhone);
            var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "100", faceValue: "100"));
            return new Market(server, payouts, seller, buyer, admin, listingId);
        }

        public async Task<JsonNode?> PayoutAsync(SignedInMember viewer, string orderId) =>
            (await Server.PostAsync($"query($id: ID!) {{ order(id: $id) {{ payout {Disbursement} }} }}", new { id = orderId }, viewer.AccessToken))
            .Ok()["order"]!["payout"];

        public async Task<JsonNode> RetryAsync(SignedInMember admin, string orderId, string kind) =>
            (await Server.PostAsync("mutation($input: RetryDisbursementInput!) { retryDisbursement(input: $input) { disbursement { status attempt } errors { code message } } }",
                new { input = new { orderId, kind } }, admin.AccessToken)).Ok()["retryDisbursement"]!;

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
