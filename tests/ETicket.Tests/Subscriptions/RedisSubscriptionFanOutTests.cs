using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Broadcast;
using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Domain.Events.Outbox;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Transport;
using ETicket.Tests.Infrastructure;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Subscriptions;

/// <summary>
/// Subscriptions of whole platforms fanned out through a real Redis: across processes, and through an
/// outage of Redis, which costs live updates and nothing else.
/// </summary>
public sealed class RedisSubscriptionFanOutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private const string ListingPublished = "subscription { listingPublished { title seller { nickname } } }";

    [Fact]
    public async Task A_listing_published_in_one_process_reaches_subscribers_of_every_process_whichever_relays_the_outbox()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ETicket:Redis:Configuration"] = TestRedis.AddressOrSkip(),
            ["ETicket:Redis:Channel"] = TestRedis.UniqueChannel(),
        };
        var dataDirectory = Directory.CreateTempSubdirectory("eticket-fanout-").FullName;
        try
        {
            await using var first = await PlatformServer.StartAsync(settings, dataDirectory: dataDirectory);
            await using var second = await PlatformServer.StartAsync(settings.Concat(SecondProcess.Settings).ToDictionary(), dataDirectory: dataDirectory);
            // One of the two holds the outbox lease and relays every event; the other only listens.
            var onFirst = await SubscribedAsync(first, ListingPublished);
            var onSecond = await SubscribedAsync(second, ListingPublished);
            var seller = await first.SignInAsync("13800000001", "老王");

            await first.PublishOkAsync(seller, ListingRequests.Concert(title: "published in the first", ticketCode: "A1"));
            await second.PublishOkAsync(seller, ListingRequests.Concert(title: "published in the second", ticketCode: "A2"));

            foreach (var sink in new[] { onFirst, onSecond })
            {
                Assert.Equal("published in the first", Title(await sink.NextAsync()));
                var next = await sink.NextAsync();
                Assert.Equal("published in the second", Title(next));
                Assert.Equal("老王", next["data"]!["listingPublished"]!["seller"]!["nickname"]!.GetValue<string>());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static readonly TimeSpan OutboxRelayPollAndThenSome = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task While_Redis_is_down_queries_and_mutations_work_subscriptions_end_and_are_refused_and_when_it_is_back_they_work_again()
    {
        await using var redis = await RedisServerProcess.StartedAsync();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Redis:Configuration"] = redis.Configuration,
            ["ETicket:Redis:Channel"] = TestRedis.UniqueChannel(),
        });
        var seller = await server.SignInAsync("13800000001", "老王");
        var before = await SubscribedAsync(server, ListingPublished);
        await server.PublishOkAsync(seller, ListingRequests.Concert(title: "before the outage", ticketCode: "B1"));
        Assert.Equal("before the outage", Title(await before.NextAsync()));

        await redis.KillAsync();

        // The running subscription ends, saying why.
        var errors = await before.EndedAsync();
        Assert.Equal(ErrorCodes.LiveUpdatesUnavailable, Assert.Single(errors!)!["extensions"]!["code"]!.GetValue<string>());
        // Queries and mutations do not need Redis.
        var during = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "during the outage", ticketCode: "B2"));
        var listings = (await server.PostAsync("{ listings(first: 10) { nodes { id title } } }")).Ok()["listings"]!["nodes"]!.AsArray();
        Assert.Contains(listings, listing => listing!["id"]!.GetValue<string>() == during);
        // New subscriptions are refused until Redis is back.
        var refused = await SubscribeAsync(server, ListingPublished);
        Assert.Null(refused.Subscription);
        Assert.Equal(ErrorCodes.LiveUpdatesUnavailable, RefusalCode(server, refused));

        // Nothing is relayed while this process cannot broadcast: the event waits in the outbox.
        await Task.Delay(OutboxRelayPollAndThenSome, TestContext.Current.CancellationToken);
        Assert.True(await server.PendingAsync() > 0);

        await redis.StartAsync();
        var after = await SubscribedOnceAvailableAsync(server, ListingPublished);
        // Once it can broadcast again, the relay catches up with what waited.
        await server.RelayedAsync();
        await server.PublishOkAsync(seller, ListingRequests.Concert(title: "after the outage", ticketCode: "B3"));
        var heard = Title(await after.NextAsync());
        if (heard == "during the outage")
            heard = Title(await after.NextAsync()); // Subscribed just before the relay caught up.
        Assert.Equal("after the outage", heard);
        // The ended subscription ended once and heard nothing since.
        Assert.Equal(1, before.Ends);
        Assert.Equal(0, before.ResultsAfterEnd);
    }

    [Fact]
    public async Task Events_the_relay_hands_over_while_the_host_stops_are_still_broadcast()
    {
        var redis = TestRedis.AddressOrSkip();
        var channel = TestRedis.UniqueChannel();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Redis:Configuration"] = redis,
            ["ETicket:Redis:Channel"] = channel,
        });
        // Another process of the deployment, listening on the same channel.
        var otherProcess = new RedisEventBroadcast(Options.Create(new RedisOptions { Configuration = redis, Channel = channel }),
            NullLogger<RedisEventBroadcast>.Instance);
        await otherProcess.StartAsync(TestContext.Current.CancellationToken);
        var heard = Channel.CreateUnbounded<EventEnvelope>();
        using var listening = otherProcess.Listen(new ChannelListener(heard.Writer));
        try
        {
            var seller = await server.SignInAsync("13800000001");
            // A host stops its services in reverse order: every service registered after the relay
            // has stopped while the relay still hands over what was committed meanwhile.
            var services = server.Services.GetServices<IHostedService>().ToList();
            var relay = services.IndexOf(server.Services.GetRequiredService<OutboxRelay>());
            foreach (var service in services.Skip(relay + 1).Reverse().Where(s => s is BroadcastCommittedEvents or SubscriptionEvents or RedisEventBroadcast))
                await service.StopAsync(TestContext.Current.CancellationToken);

            var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert());

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Patience);
            var envelope = await heard.Reader.ReadAsync(timeout.Token);
            Assert.Equal(listingId, Assert.IsType<ListingPublished>(envelope.Event).ListingId);
        }
        finally
        {
            await otherProcess.StopAsync(CancellationToken.None);
            await otherProcess.DisposeAsync();
        }
    }

    private sealed class ChannelListener(ChannelWriter<EventEnvelope> events) : IBroadcastListener
    {
        public void OnEvent(EventEnvelope envelope) => events.TryWrite(envelope);

        public void OnInterrupted(string reason) { }

        public void OnResumed() { }
    }

    private static string Title(JsonNode result) => result["data"]!["listingPublished"]!["title"]!.GetValue<string>();

    private static async Task<SubscribeOutcome> SubscribeAsync(PlatformServer server, string query, RecordingSink? sink = null)
    {
        var executor = server.Services.GetRequiredService<GraphQLExecutor>();
        Assert.True(executor.TryParse(query, out var document, out var error), error?.Message);
        return await server.Services.GetRequiredService<SubscriptionGroups>()
            .SubscribeAsync(new GraphQLHttpRequest(query, null, null, null), document, user: null, sink ?? new RecordingSink());
    }

    private static async Task<RecordingSink> SubscribedAsync(PlatformServer server, string query)
    {
        var sink = new RecordingSink();
        var outcome = await SubscribeAsync(server, query, sink);
        Assert.True(outcome.Subscription is not null, $"Refused: {RefusalCode(server, outcome)}");
        return sink;
    }

    /// <summary>Subscribes as soon as live updates are back (refused until then).</summary>
    private static async Task<RecordingSink> SubscribedOnceAvailableAsync(PlatformServer server, string query)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var sink = new RecordingSink();
            var outcome = await SubscribeAsync(server, query, sink);
            if (outcome.Subscription is not null)
                return sink;
            Assert.Equal(ErrorCodes.LiveUpdatesUnavailable, RefusalCode(server, outcome));
            Assert.True(DateTime.UtcNow < deadline, "Live updates did not come back after Redis did.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string? RefusalCode(PlatformServer server, SubscribeOutcome outcome) =>
        outcome.Refusal is null ? null
            : JsonNode.Parse(server.Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(outcome.Refusal))!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    /// <summary>A transport's place, recording what the subscription hands it.</summary>
    private sealed class RecordingSink : ISubscriptionSink
    {
        private readonly Channel<JsonNode> _results = Channel.CreateUnbounded<JsonNode>();
        private readonly TaskCompletionSource<JsonArray?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _resultsAfterEnd;
        private int _ends;

        public int ResultsAfterEnd => Volatile.Read(ref _resultsAfterEnd);
        public int Ends => Volatile.Read(ref _ends);

        public void Next(ReadOnlyMemory<byte> result)
        {
            if (_ended.Task.IsCompleted)
                Interlocked.Increment(ref _resultsAfterEnd);
            _results.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(result.Span))!);
        }

        public void End(ReadOnlyMemory<byte>? errors)
        {
            Interlocked.Increment(ref _ends);
            _ended.TrySetResult(errors is { } json ? JsonNode.Parse(Encoding.UTF8.GetString(json.Span))!.AsArray() : null);
        }

        public async Task<JsonNode> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(Patience);
            return await _results.Reader.ReadAsync(timeout.Token);
        }

        /// <summary>The errors the stream ended with (null for a normal end).</summary>
        public async Task<JsonArray?> EndedAsync() => await _ended.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }
}
