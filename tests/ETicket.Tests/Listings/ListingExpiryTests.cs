using System.Text.Json.Nodes;
using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Listings;

/// <summary>Listings leave the market by themselves: reads show it at once, the sweep records it.</summary>
public sealed class ListingExpiryTests
{
    private const string Status = "query($id: ID!) { listing(id: $id) { status } }";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_listing_reads_as_expired_when_its_time_passes_and_the_sweep_records_it(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(startsAt: ListingRequests.FromNow(TimeSpan.FromDays(2))));
        Assert.Equal("ON_SALE", await StatusAsync(server, id));

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("EXPIRED", await StatusAsync(server, id));
        Assert.Equal(ListingStatus.OnSale, (await server.StoredListingAsync(id)).Status);
        Assert.Empty(await server.EventsAsync<ListingStatusChanged>());

        Assert.Equal(1, await server.SweepAsync());
        var stored = await server.StoredListingAsync(id);
        Assert.Equal(ListingStatus.Expired, stored.Status);
        Assert.Null(stored.ActiveCodeHash);
        var expired = Assert.Single(await server.EventsAsync<ListingStatusChanged>());
        Assert.Equal((id, seller.Id, ListingStatus.Expired), (expired.ListingId, expired.SellerId, expired.Status));
        Assert.Equal("EXPIRED", await StatusAsync(server, id));
        Assert.Equal(0, await server.SweepAsync());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_member_s_listings_filter_by_the_status_they_have_now(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        var past = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "Soon over", ticketCode: "A", startsAt: ListingRequests.FromNow(TimeSpan.FromHours(1))));
        var live = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "Still on", ticketCode: "B"));
        var withdrawn = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "Withdrawn", ticketCode: "C"));
        await server.WithdrawAsync(seller, withdrawn);

        clock.Advance(TimeSpan.FromHours(2));
        var byStatus = (await server.PostAsync("""
            query($id: ID!) {
              member(id: $id) {
                onSale: listings(status: ON_SALE) { totalCount nodes { id status } }
                expired: listings(status: EXPIRED) { totalCount nodes { id status } }
                withdrawn: listings(status: WITHDRAWN) { totalCount nodes { id } }
              }
            }
            """, new { id = seller.Id })).Ok()["member"]!;

        Assert.Equal([live], Ids(byStatus["onSale"]!));
        Assert.Equal([past], Ids(byStatus["expired"]!));
        Assert.Equal([withdrawn], Ids(byStatus["withdrawn"]!));
        Assert.Equal("EXPIRED", byStatus["expired"]!["nodes"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(1, byStatus["onSale"]!["totalCount"]!.GetValue<int>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Vouchers_expire_at_the_end_of_validity(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        var id = await server.PublishOkAsync(seller, new
        {
            category = "FOOD",
            title = "海底捞 100 元代金券",
            faceValue = "100",
            price = "95",
            ticketCode = "VOUCHER-1",
            startsAt = ListingRequests.FromNow(TimeSpan.FromDays(-30)),
            endsAt = ListingRequests.FromNow(TimeSpan.FromDays(10)),
        });

        clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal("ON_SALE", await StatusAsync(server, id));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("EXPIRED", await StatusAsync(server, id));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_sweep_works_off_a_backlog_in_batches(DatabaseKind kind)
    {
        const int backlog = 450;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            var vault = scope.ServiceProvider.GetRequiredService<TicketCodeVault>();
            for (var i = 0; i < backlog; i++)
            {
                db.Listings.Add(Listing.Publish(seller.Id, new NewListing(TicketCategory.Film, $"Film {i}", 50m, 50m, $"SEAT-{i}",
                    City: "上海", Venue: "影城", StartsAt: clock.GetUtcNow().AddHours(1)), vault, clock.GetUtcNow()));
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Advancing the clock also wakes the background sweeper: whichever sweep gets there, in as many
        // batches as it takes, every listing expires exactly once.
        clock.Advance(TimeSpan.FromHours(2));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await server.EventsAsync<ListingStatusChanged>()).Count(e => e.Status == ListingStatus.Expired) < backlog)
        {
            Assert.True(DateTime.UtcNow < deadline, "The backlog was not worked off within 30 s.");
            await server.SweepAsync();
        }
        Assert.Equal(0, await server.SweepAsync());

        Assert.Equal(backlog, (await server.EventsAsync<ListingStatusChanged>()).Count(e => e.Status == ListingStatus.Expired));
        var expired = (await server.PostAsync("query($id: ID!) { member(id: $id) { listings(status: EXPIRED) { totalCount } } }", new { id = seller.Id })).Ok();
        Assert.Equal(backlog, expired["member"]!["listings"]!["totalCount"]!.GetValue<int>());
    }

    private static async Task<string> StatusAsync(PlatformServer server, string id) =>
        (await server.PostAsync(Status, new { id })).Ok()["listing"]!["status"]!.GetValue<string>();

    private static List<string> Ids(JsonNode connection) =>
        [.. connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
}
