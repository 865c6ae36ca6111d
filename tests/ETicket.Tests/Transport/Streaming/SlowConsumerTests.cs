using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>
/// A client that stops reading fills its network buffers, then its bounded queue, and is closed;
/// the dispatch that serves every subscriber never waits for it, so the others keep receiving.
/// </summary>
public sealed class SlowConsumerTests
{
    // Results of about 300 KB each (a 2000-character description, 50 times), so the network's buffers
    // fill after a few events; a queue of 4 then overflows.
    private static readonly string HeavySubscription = LiveListings.Subscription(
        "title " + string.Join(' ', Enumerable.Range(1, 50).Select(i => $"d{i}: description")));

    private static readonly string LongDescription = string.Concat(Enumerable.Repeat("演唱会门票", 400));

    [Fact]
    public async Task A_WebSocket_that_stops_reading_is_closed_with_1013_while_another_keeps_receiving()
    {
        await using var server = await StartAsync();
        var seller = await server.SignInAsync("13800139401", "Seller");
        var city = LiveListings.NewCity();
        await using var healthy = await GraphQLSocket.ConnectAndInitAsync(server);
        await using var stuck = await GraphQLSocket.ConnectAndInitAsync(server);
        await healthy.SubscribeAsync("s", HeavySubscription, new { city });
        await stuck.SubscribeAsync("s", HeavySubscription, new { city });
        await server.PublishUntilAllSeeAsync(seller, city,
            wait => WebSocketOperationTests.NextOfAsync(healthy, "s", wait), wait => WebSocketOperationTests.NextOfAsync(stuck, "s", wait));

        stuck.PauseReading();
        var logs = server.Services.GetFakeLogCollector();
        for (var i = 0; i < 200 && !Overflowed(logs, "WebSocket"); i++)
        {
            var title = await server.PublishInAsync(seller, city, description: LongDescription);
            await healthy.NextWithTitleAsync("s", title); // every event reaches the healthy client, in time
        }
        Assert.True(Overflowed(logs, "WebSocket"), "The stuck client's queue never overflowed.");

        // Once it reads again, it finds what the network held, then the close frame.
        stuck.ResumeReading();
        var reason = await stuck.ExpectCloseAsync(1013, TimeSpan.FromSeconds(30));
        Assert.Contains("too slowly", reason);
        var after = await server.PublishInAsync(seller, city);
        await healthy.NextWithTitleAsync("s", after);
    }

    [Fact]
    public async Task An_event_stream_that_stops_reading_is_ended_while_others_keep_receiving()
    {
        await using var server = await StartAsync();
        var seller = await server.SignInAsync("13800139402", "Seller");
        var city = LiveListings.NewCity();
        await using var healthy = await GraphQLSocket.ConnectAndInitAsync(server);
        await healthy.SubscribeAsync("s", HeavySubscription, new { city });
        // Read nothing from this response: only its headers.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = HeavySubscription, variables = new { city } }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var stuck = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await server.PublishUntilAllSeeAsync(seller, city, wait => WebSocketOperationTests.NextOfAsync(healthy, "s", wait));

        var logs = server.Services.GetFakeLogCollector();
        for (var i = 0; i < 200 && !Overflowed(logs, "event stream"); i++)
        {
            var title = await server.PublishInAsync(seller, city, description: LongDescription);
            await healthy.NextWithTitleAsync("s", title);
        }
        Assert.True(Overflowed(logs, "event stream"), "The stuck stream's queue never overflowed.");

        // The response was cut off: reading it to the end fails.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var body = await stuck.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            await body.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken);
        });
        var after = await server.PublishInAsync(seller, city);
        await healthy.NextWithTitleAsync("s", after);
    }

    private static bool Overflowed(FakeLogCollector logs, string transport) =>
        logs.GetSnapshot().Any(record => record.Level == LogLevel.Warning && record.Message.Contains("reads too slowly") && record.Message.Contains(transport));

    private static Task<PlatformServer> StartAsync() => PlatformServer.StartAsync(
        new Dictionary<string, string?>
        {
            ["ETicket:Subscriptions:MaxQueuedMessages"] = "4",
            // Long enough that the stuck client, reading again, still gets the close frame.
            ["ETicket:Subscriptions:CloseTimeout"] = "00:01:00",
            ["ETicket:Query:MaxAliases"] = "60",
        },
        configureServices: services => services.AddLogging(logging => logging.AddFakeLogging().AddFilter<FakeLoggerProvider>(null, LogLevel.Warning)));
}
