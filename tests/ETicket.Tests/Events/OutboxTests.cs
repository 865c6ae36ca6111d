using System.Threading.Channels;
using ETicket.Domain.Events;
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
        var dataDirectory = Directory.CreateTempSubdirectory("eticket-outbox-").FullName;
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
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(PlatformServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }
}
