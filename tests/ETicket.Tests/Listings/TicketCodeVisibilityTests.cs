using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

/// <summary>Listing.ticketCode: the seller, and the buyer of a PAID, DISPUTED or COMPLETED order; nobody else.</summary>
public sealed class TicketCodeVisibilityTests
{
    private const string TicketCode = "query($id: ID!) { listing(id: $id) { ticketCode } }";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_buyer_sees_the_code_once_they_paid(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var stranger = await server.SignInAsync("13800000003");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "GATE-7"));

        var order = await server.PurchaseOkAsync(buyer, id);
        Assert.Null(await CodeAsync(server, id, buyer));

        await server.OrderStepAsync("payOrder", buyer, order);
        Assert.Equal("GATE-7", await CodeAsync(server, id, buyer));
        await server.DisputeAsync(buyer, order);
        Assert.Equal("GATE-7", await CodeAsync(server, id, buyer));

        Assert.Equal("GATE-7", await CodeAsync(server, id, seller));
        Assert.Null(await CodeAsync(server, id, stranger));
        Assert.Null(await CodeAsync(server, id, viewer: null));
    }

    [Fact]
    public async Task A_page_of_codes_looks_at_the_viewer_s_orders_once()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var bought = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var id = await server.PublishOkAsync(seller, ListingRequests.Concert(title: $"Listing {i}", ticketCode: $"CODE-{i}"));
            if (i % 2 == 0)
            {
                await server.PurchasePaidAsync(buyer, id);
                bought.Add(id);
            }
        }

        server.SqlCommands.Reset();
        var nodes = (await server.PostAsync("{ listings(first: 8) { nodes { id ticketCode } } }", accessToken: buyer.AccessToken)).Ok()["listings"]!["nodes"]!.AsArray();

        // One look at the buyer's orders for the whole page (other statements may come from background work).
        Assert.Single(server.SqlCommands.Commands, c => c.Contains("Orders", StringComparison.Ordinal));
        foreach (var node in nodes)
        {
            var visible = node!["ticketCode"] is not null;
            Assert.Equal(bought.Contains(node["id"]!.GetValue<string>()), visible);
        }
    }

    private static async Task<string?> CodeAsync(PlatformServer server, string listingId, SignedInMember? viewer) =>
        (await server.PostAsync(TicketCode, new { id = listingId }, viewer?.AccessToken)).Ok()["listing"]!["ticketCode"]?.GetValue<string>();
}
