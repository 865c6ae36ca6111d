using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

/// <summary>A sold code belongs to its buyer; a refunded code is dead.</summary>
public sealed class ResaleOfBoughtCodesTests
{
    private const string AdminPhone = "13900000000";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Only_the_buyer_of_a_completed_sale_may_list_the_code_again(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var stranger = await server.SignInAsync("13800000003");
        var sold = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "RESOLD"));
        var order = await server.PurchasePaidAsync(buyer, sold);
        Assert.Empty((await server.OrderStepAsync("confirmOrder", buyer, order))["errors"]!.AsArray());

        Assert.Equal("DUPLICATE_TICKET_CODE", await RefusalAsync(server, seller, "RESOLD"));
        Assert.Equal("DUPLICATE_TICKET_CODE", await RefusalAsync(server, stranger, "RESOLD"));
        var resale = await server.PublishOkAsync(buyer, ListingRequests.Concert(ticketCode: "RESOLD"));

        // Sold on again, the code belongs to the next buyer, not to the one before.
        var resaleOrder = await server.PurchasePaidAsync(stranger, resale);
        Assert.Empty((await server.OrderStepAsync("confirmOrder", stranger, resaleOrder))["errors"]!.AsArray());
        Assert.Equal("DUPLICATE_TICKET_CODE", await RefusalAsync(server, buyer, "RESOLD"));
        await server.PublishOkAsync(stranger, ListingRequests.Concert(ticketCode: "RESOLD"));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_refunded_code_is_never_sellable_again(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database.Settings.Concat([new("ETicket:Members:Admins:0", AdminPhone)]).ToDictionary());
        var admin = await server.SignInAsync(AdminPhone);
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var listing = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "FAKE"));
        var order = await server.PurchasePaidAsync(buyer, listing);
        await server.DisputeAsync(buyer, order);
        Assert.Empty((await server.ResolveAsync(admin, order, refundBuyer: true))["errors"]!.AsArray());

        foreach (var member in new[] { seller, buyer })
        {
            var payload = await server.PublishAsync(member, ListingRequests.Concert(ticketCode: " FAKE "));
            var error = ListingRequests.SingleError(payload);
            Assert.Equal("DUPLICATE_TICKET_CODE", error["code"]!.GetValue<string>());
            Assert.Contains("refunded", error["message"]!.GetValue<string>());
        }
    }

    private static async Task<string> RefusalAsync(PlatformServer server, SignedInMember member, string ticketCode) =>
        ListingRequests.SingleError(await server.PublishAsync(member, ListingRequests.Concert(ticketCode: ticketCode)))["code"]!.GetValue<string>();
}
