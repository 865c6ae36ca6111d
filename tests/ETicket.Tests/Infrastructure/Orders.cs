using System.Text.Json.Nodes;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Orders;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

public static class OrderRequests
{
    public const string OrderFields = "order { id status price serviceCharge total paymentDeadline paidAt confirmDeadline completedAt ticketCode listing { id status } buyer { id } seller { id } } errors { code field message }";

    public static async Task<JsonNode> PurchaseAsync(this PlatformServer server, SignedInMember buyer, string listingId, string? idempotencyKey = null) =>
        (await server.PostAsync($"mutation($input: PurchaseListingInput!) {{ purchaseListing(input: $input) {{ {OrderFields} }} }}",
            new { input = new { listingId, idempotencyKey } }, buyer.AccessToken)).Ok()["purchaseListing"]!;

    /// <summary>Runs payOrder, cancelOrder or confirmOrder and returns the payload.</summary>
    public static async Task<JsonNode> OrderStepAsync(this PlatformServer server, string mutation, SignedInMember actor, string orderId)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return (await server.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {OrderFields} }} }}",
            new { input = new { orderId } }, actor.AccessToken)).Ok()[mutation]!;
    }

    public static async Task<JsonNode> DisputeAsync(this PlatformServer server, SignedInMember buyer, string orderId, string reason = "The QR code was rejected at the gate") =>
        (await server.PostAsync($"mutation($input: DisputeOrderInput!) {{ disputeOrder(input: $input) {{ {OrderFields} }} }}",
            new { input = new { orderId, reason } }, buyer.AccessToken)).Ok()["disputeOrder"]!;

    public static async Task<JsonNode> ResolveAsync(this PlatformServer server, SignedInMember admin, string orderId, bool refundBuyer) =>
        (await server.PostAsync($"mutation($input: ResolveDisputeInput!) {{ resolveDispute(input: $input) {{ {OrderFields} }} }}",
            new { input = new { orderId, refundBuyer, note = "checked with the venue" } }, admin.AccessToken)).Ok()["resolveDispute"]!;

    /// <summary>Buys the listing and returns the new order's id, asserting success.</summary>
    public static async Task<string> PurchaseOkAsync(this PlatformServer server, SignedInMember buyer, string listingId)
    {
        var payload = await server.PurchaseAsync(buyer, listingId);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["order"]!["id"]!.GetValue<string>();
    }

    /// <summary>Buys and pays; returns the order id.</summary>
    public static async Task<string> PurchasePaidAsync(this PlatformServer server, SignedInMember buyer, string listingId)
    {
        var orderId = await server.PurchaseOkAsync(buyer, listingId);
        Assert.Empty((await server.OrderStepAsync("payOrder", buyer, orderId))["errors"]!.AsArray());
        return orderId;
    }

    public static async Task<List<LedgerEntry>> LedgerAsync(this PlatformServer server, string orderId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.OrderId == orderId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Each account's balance from an order's ledger: money in minus money out.</summary>
    public static Dictionary<LedgerAccount, decimal> Balances(IEnumerable<LedgerEntry> entries)
    {
        var balances = Enum.GetValues<LedgerAccount>().ToDictionary(a => a, _ => 0m);
        foreach (var entry in entries)
        {
            balances[entry.From] -= entry.Amount;
            balances[entry.To] += entry.Amount;
        }
        return balances;
    }

    /// <summary>The buyer's orders as stored.</summary>
    public static async Task<List<Order>> StoredOrdersAsync(this PlatformServer server, string buyerId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Orders.AsNoTracking()
            .Where(o => o.BuyerId == buyerId).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static Task<int> SweepAsync(this PlatformServer server) =>
        server.Services.GetRequiredService<MarketplaceSweeper>().SweepOnceAsync(TestContext.Current.CancellationToken);
}
