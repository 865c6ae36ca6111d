using System.Threading.Channels;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Events;

public sealed class OutboxTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_published_listing_reaches_the_event_bus_after_commit(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var received = Channel.CreateUnbounded<EventEnvelope>();
        using var subscription = server.Services.GetRequiredService<IEventBus>()
            .Subscribe((envelope, _) => received.Writer.WriteAsync(envelope).AsTask());
        var seller = await server.SignInAsync("13800000001");

        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var envelope = await received.Reader.ReadAsync(timeout.Token);
        var published = Assert.IsType<ListingPublished>(envelope.Event);
        Assert.Equal(listingId, published.ListingId);
        Assert.Equal(seller.Id, published.SellerId);
        Assert.Equal(nameof(ListingPublished), envelope.Type);
    }

    [Fact]
    public async Task Events_written_while_no_relay_ran_are_delivered_when_one_starts()
    {
        // Deleted after both servers are disposed: a running server keeps writing its search index there.
        using var data = new TestDataDirectory();
        var dataDirectory = data.Path;
        await using (var first = await PlatformServer.StartAsync(dataDirectory: dataDirectory))
        {
            // Stop the relay before publishing: the event stays in the outbox, as if the process died after commit.
            await first.Services.GetRequiredService<OutboxRelay>().StopAsync(CancellationToken.None);
            var seller = await first.SignInAsync("13800000001");
            await first.PublishOkAsync(seller, ListingRequests.Concert());
            Assert.Null((await OutboxAsync(first)).Single().PublishedAt);
        }

        await using var second = await PlatformServer.StartAsync(dataDirectory: dataDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await OutboxAsync(second)).Single().PublishedAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted relay did not deliver the pending event.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(PlatformServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }
}

public sealed class OutboxRelayLeaseTests
{
    [Fact]
    public async Task Of_two_processes_sharing_the_database_one_relays_each_event_once_and_the_other_takes_over()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("eticket-relay-").FullName;
        var running = new Dictionary<string, PlatformServer>
        {
            ["first"] = await PlatformServer.StartAsync(dataDirectory: dataDirectory),
            // One database, two processes: each keeps a search index of its own.
            ["second"] = await PlatformServer.StartAsync(SecondProcess.Settings, dataDirectory: dataDirectory),
        };
        try
        {
            var deliveries = new System.Collections.Concurrent.ConcurrentBag<(string Server, long Sequence)>();
            var subscriptions = running.Select(server => server.Value.Services.GetRequiredService<IEventBus>()
                .Subscribe((e, _) => { deliveries.Add((server.Key, e.Sequence)); return Task.CompletedTask; })).ToList();
            var seller = await running["first"].SignInAsync("13800000001");
            for (var i = 0; i < 10; i++)
                await running["first"].PublishOkAsync(seller, ListingRequests.Concert(ticketCode: $"A{i}"));

            await WaitForAsync(() => deliveries.Count >= 10);
            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken); // a second relay would have delivered them again by now
            Assert.Equal(10, deliveries.Count);
            Assert.Equal(10, deliveries.Select(d => d.Sequence).Distinct().Count());
            var relaying = Assert.Single(deliveries.Select(d => d.Server).Distinct());

            // The relaying process stops (giving up its lease): the other relays from then on.
            await running[relaying].DisposeAsync();
            running.Remove(relaying);
            var (_, stays) = running.Single();
            deliveries.Clear();
            await stays.PublishOkAsync(await stays.SignInAsync("13800000002"), ListingRequests.Concert(ticketCode: "AFTER"));
            await WaitForAsync(() => !deliveries.IsEmpty);
            subscriptions.ForEach(s => s.Dispose());
        }
        finally
        {
            foreach (var server in running.Values)
                await server.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected events did not arrive.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
