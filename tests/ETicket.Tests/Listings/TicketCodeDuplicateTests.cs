using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Listings;

/// <summary>One ticket code is on the market once: DUPLICATE_TICKET_CODE otherwise.</summary>
public sealed class TicketCodeDuplicateTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_code_on_the_market_cannot_be_listed_again_by_anyone(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var reseller = await server.SignInAsync("13800000002");
        await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "ONE-CODE"));

        foreach (var (who, code) in new[] { (reseller, " ONE-CODE "), (seller, "ONE-CODE") })
        {
            var payload = await server.PublishAsync(who, ListingRequests.Concert(ticketCode: code));
            Assert.Null(payload["listing"]);
            var error = ListingRequests.SingleError(payload);
            Assert.Equal("DUPLICATE_TICKET_CODE", error["code"]!.GetValue<string>());
            Assert.Equal("ticketCode", error["field"]!.GetValue<string>());
        }
        // Codes differ by case: only surrounding whitespace is not part of a code.
        await server.PublishOkAsync(reseller, ListingRequests.Concert(ticketCode: "one-code"));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Concurrent_publishes_of_one_code_list_it_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: ServerLogs.Capture);
        var sellers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => server.SignInAsync($"1380000{i:0000}")));

        var payloads = await Task.WhenAll(sellers.Select(s => server.PublishAsync(s, ListingRequests.Concert(ticketCode: "RACE-1"))));

        Assert.Single(payloads, p => p["listing"] is not null);
        Assert.All(payloads.Where(p => p["listing"] is null),
            p => Assert.Equal("DUPLICATE_TICKET_CODE", ListingRequests.SingleError(p)["code"]!.GetValue<string>()));
        Assert.Single(await server.EventsAsync<ListingPublished>());
        server.AssertNoErrors();
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_publish_that_slips_past_the_check_is_stopped_by_the_unique_index(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "SLIPPED"));
        // What a concurrent publish leaves for a check that ran just before its commit: the check
        // looks for live listings and sees none, but the code is held in the unique index.
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            await db.Listings.Where(l => l.Id == listingId)
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, ListingStatus.Withdrawn), TestContext.Current.CancellationToken);
        }

        var payload = await server.PublishAsync(seller, ListingRequests.Concert(ticketCode: "SLIPPED"));

        Assert.Equal("DUPLICATE_TICKET_CODE", ListingRequests.SingleError(payload)["code"]!.GetValue<string>());
        Assert.Single(await server.EventsAsync<ListingPublished>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_withdrawn_code_can_be_listed_again(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var other = await server.SignInAsync("13800000002");
        var first = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "AGAIN"));
        Assert.Empty((await server.WithdrawAsync(seller, first))["errors"]!.AsArray());

        var second = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "AGAIN"));
        Assert.Empty((await server.WithdrawAsync(seller, second))["errors"]!.AsArray());
        await server.PublishOkAsync(other, ListingRequests.Concert(ticketCode: "AGAIN"));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task An_expired_code_can_be_listed_again_before_the_sweep_records_the_expiry(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await TestClock.StartAsync(database, clock);
        var seller = await server.SignInAsync("13800000001");
        var tonight = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "ENCORE", startsAt: ListingRequests.FromNow(TimeSpan.FromHours(1))));

        clock.Advance(TimeSpan.FromHours(2));
        seller = await server.SignInAsync("13800000001");
        await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "ENCORE", startsAt: ListingRequests.FromNow(TimeSpan.FromDays(7))));

        Assert.Equal(ListingStatus.Expired, (await server.StoredListingAsync(tonight)).Status);
        var expired = Assert.Single(await server.EventsAsync<ListingStatusChanged>());
        Assert.Equal((tonight, ListingStatus.Expired), (expired.ListingId, expired.Status));
    }

    [Fact]
    public async Task A_relist_that_races_the_sweep_over_the_expired_listing_still_succeeds()
    {
        // MariaDB only: SQLite runs one writing transaction at a time, so the sweep could not run mid-publish.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var race = new BeforeNextListingSave();
        await using var database = await MariaDbTestDatabase.CreateAsync();
        await using var server = await TestClock.StartAsync(database, clock, configureServices: services => services.AddSingleton<IInterceptor>(race));
        var seller = await server.SignInAsync("13800000001");
        var tonight = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "ENCORE", startsAt: ListingRequests.FromNow(TimeSpan.FromHours(1))));

        clock.Advance(TimeSpan.FromHours(2));
        seller = await server.SignInAsync("13800000001");
        // The publish expires the old listing on its way; the sweep records that first.
        race.Arm(async () => Assert.Equal(1, await server.SweepAsync()));
        await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "ENCORE", startsAt: ListingRequests.FromNow(TimeSpan.FromDays(7))));

        Assert.Equal(ListingStatus.Expired, (await server.StoredListingAsync(tonight)).Status);
        Assert.Single(await server.EventsAsync<ListingStatusChanged>());
    }
}
