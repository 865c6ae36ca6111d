using System.Collections.Concurrent;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Wanted;

public sealed class WantedMatchEventsTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_published_listing_announces_each_request_it_matches_once_even_when_its_event_comes_twice(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var fan = await server.SignInAsync("13800000002");
        var other = await server.SignInAsync("13800000003");

        var startsAt = ListingRequests.FromNow(TimeSpan.FromDays(30));
        var everything = await server.PostWantedOkAsync(fan, new
        {
            category = "CONCERT",
            keywords = "周杰伦 上海",
            city = "上海",
            from = startsAt,
            to = startsAt,
            maxPrice = "880",
        });
        var keywordOnly = await server.PostWantedOkAsync(other, WantedRequestRequests.Concert("周杰伦"));
        await server.PostWantedOkAsync(fan, WantedRequestRequests.Concert("林俊杰"));
        await server.PostWantedOkAsync(fan, WantedRequestRequests.Concert("周杰伦", city: "北京"));
        await server.PostWantedOkAsync(fan, WantedRequestRequests.Concert("周杰伦", maxPrice: "879.99"));
        await server.PostWantedOkAsync(fan, new { category = "FILM", keywords = "周杰伦" });
        await server.PostWantedOkAsync(seller, WantedRequestRequests.Concert("周杰伦"));
        await server.CloseWantedAsync(fan, await server.PostWantedOkAsync(fan, WantedRequestRequests.Concert("周杰伦")));
        using var events = new BusRecorder(server);

        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "周杰伦上海演唱会", price: "880", startsAt: startsAt));
        var published = await events.FirstAsync(e => e.Event is ListingPublished p && p.ListingId == listingId);
        await events.FirstAsync(e => e.Event is WantedRequestMatched);
        await server.Services.GetRequiredService<IEventBus>().PublishAsync(published, TestContext.Current.CancellationToken);
        await WaitUntilOutboxRelayedAsync(server);

        WantedRequestMatched[] expected = [new(everything, fan.Id, listingId), new(keywordOnly, other.Id, listingId)];
        var matched = events.Received.Select(e => e.Event).OfType<WantedRequestMatched>();
        Assert.Equal(expected.OrderBy(m => m.WantedRequestId), matched.OrderBy(m => m.WantedRequestId));
        Assert.Equal(2, await CountAsync(server, db => db.WantedMatches.CountAsync(m => m.ListingId == listingId, TestContext.Current.CancellationToken)));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Concurrent_deliveries_of_one_listing_record_each_match_and_its_event_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: ServerLogs.Capture);
        var seller = await server.SignInAsync("13800000001");
        var wanted = new List<string>();
        for (var i = 2; i <= 5; i++)
            wanted.Add(await server.PostWantedOkAsync(await server.SignInAsync($"1380000000{i}"), WantedRequestRequests.Concert("演唱会")));
        // Without the relay, the deliveries below race only each other, from the same starting point.
        await server.Services.GetRequiredService<OutboxRelay>().StopAsync(TestContext.Current.CancellationToken);
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert());

        var delivery = new EventEnvelope(1, nameof(ListingPublished),
            new ListingPublished(listingId, seller.Id, TicketCategory.Concert, "上海").ToJson(), DateTimeOffset.UtcNow);
        var bus = server.Services.GetRequiredService<IEventBus>();
        var start = new TaskCompletionSource();
        var deliveries = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await bus.PublishAsync(delivery, TestContext.Current.CancellationToken);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(deliveries);

        var events = await server.EventsAsync<WantedRequestMatched>();
        Assert.Equal(wanted.Order(), events.Select(m => m.WantedRequestId).Order());
        Assert.All(events, m => Assert.Equal(listingId, m.ListingId));
        Assert.Equal(4, await CountAsync(server, db => db.WantedMatches.CountAsync(TestContext.Current.CancellationToken)));
        server.AssertNoErrors();
    }

    [Fact]
    public async Task Posting_a_request_does_not_match_listings_already_on_the_market()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var fan = await server.SignInAsync("13800000002");
        using var events = new BusRecorder(server);
        await server.PublishOkAsync(seller, ListingRequests.Concert());
        await WaitUntilOutboxRelayedAsync(server);

        await server.PostWantedOkAsync(fan, WantedRequestRequests.Concert("演唱会"));
        var publishedAfter = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "另一场演唱会", ticketCode: "OTHER"));
        await events.FirstAsync(e => e.Event is WantedRequestMatched);
        await WaitUntilOutboxRelayedAsync(server);

        Assert.Equal(publishedAfter, Assert.Single(events.Received.Select(e => e.Event).OfType<WantedRequestMatched>()).ListingId);
    }

    private static async Task WaitUntilOutboxRelayedAsync(PlatformServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await CountAsync(server, db => db.OutboxMessages.CountAsync(m => m.PublishedAt == null, TestContext.Current.CancellationToken)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The relay did not deliver the outbox.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<int> CountAsync(PlatformServer server, Func<ETicketDbContext, Task<int>> count)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<ETicketDbContext>());
    }

    /// <summary>Every event the server's bus delivers while it lives.</summary>
    private sealed class BusRecorder : IDisposable
    {
        private readonly ConcurrentQueue<EventEnvelope> _received = new();
        private readonly IDisposable _subscription;

        public BusRecorder(PlatformServer server) =>
            _subscription = server.Services.GetRequiredService<IEventBus>().Subscribe((envelope, _) =>
            {
                _received.Enqueue(envelope);
                return Task.CompletedTask;
            });

        public IReadOnlyList<EventEnvelope> Received => [.. _received];

        public async Task<EventEnvelope> FirstAsync(Func<EventEnvelope, bool> predicate)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                if (_received.FirstOrDefault(predicate) is { } found)
                    return found;
                Assert.True(DateTime.UtcNow < deadline, "The expected event did not arrive.");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        public void Dispose() => _subscription.Dispose();
    }
}
