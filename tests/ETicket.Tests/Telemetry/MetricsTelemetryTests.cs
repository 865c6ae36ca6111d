using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport.Streaming;

namespace ETicket.Tests.Telemetry;

/// <summary>
/// The platform's instruments (Meters ETicket.*), read with a MeterListener: requests, errors by
/// code and durations; open subscriptions and deliveries; the outbox and search lag gauges.
/// </summary>
public sealed class MetricsTelemetryTests
{
    private const string Requests = "eticket.graphql.requests";
    private const string Errors = "eticket.graphql.errors";
    private const string Duration = "eticket.graphql.operation.duration";

    [Fact]
    public async Task Requests_errors_by_code_and_durations_are_measured()
    {
        await using var server = await PlatformServer.StartAsync();
        using var measured = new RecordedMeasurements(server);

        (await server.PostAsync("{ __typename }")).Ok();
        (await server.PostAsync("query Named { __typename }")).Ok();
        Assert.Equal("BAD_USER_INPUT", (await server.PostAsync("{ nosuchfield }")).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await server.PostAsync("{ __typename }", accessToken: "not-a-token")).FirstErrorCode);

        Assert.Equal(4, measured.Sum(Requests, (Tags.Transport, "http")));
        // The refused request never got as far as its document: it has no operation type.
        Assert.Equal(3, measured.Sum(Requests, (Tags.OperationType, "query")));
        Assert.Equal(1, measured.Sum(Errors, (Tags.ErrorCode, "BAD_USER_INPUT"), (Tags.OperationType, "query")));
        Assert.Equal(1, measured.Sum(Errors, (Tags.ErrorCode, "UNAUTHENTICATED")));
        Assert.Equal(2, measured.Of(Errors).Count);
        var durations = measured.Of(Duration);
        Assert.Equal(4, durations.Count);
        Assert.All(durations, duration => Assert.InRange(duration.Value, 0, 30));
    }

    [Fact]
    public async Task An_open_subscription_and_what_it_is_sent_are_measured()
    {
        await using var server = await PlatformServer.StartAsync();
        using var measured = new RecordedMeasurements(server);
        var seller = await server.SignInAsync("13800177101", "Meter");
        var city = LiveListings.NewCity();

        await using (var stream = await ServerSentEventReader.PostAsync(server, LiveListings.Subscription(), new { city }))
        {
            await server.PublishUntilAllSeeAsync(seller, city, async wait => (await stream.TryNextAsync(wait))?.Json);

            Assert.Equal(1, measured.Sum("eticket.graphql.subscriptions.open"));
            Assert.Equal(1, measured.Sum(Requests, (Tags.Transport, "sse"), (Tags.OperationType, "subscription")));
            Assert.InRange(measured.Sum("eticket.graphql.subscriptions.deliveries"), 1, 30);
            measured.Collect();
            Assert.Equal(1, measured.Of("eticket.graphql.subscriptions.groups").Last().Value);
        }

        // The client left: the subscription closes once the server notices.
        for (var i = 0; i < 100 && measured.Sum("eticket.graphql.subscriptions.open") != 0; i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, measured.Sum("eticket.graphql.subscriptions.open"));
    }

    [Fact]
    public async Task Operations_over_a_WebSocket_are_measured_with_their_transport()
    {
        await using var server = await PlatformServer.StartAsync();
        using var measured = new RecordedMeasurements(server);
        var seller = await server.SignInAsync("13800177102", "Socket");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(server);

        await socket.SubscribeAsync("q", "query Q { __typename }");
        Assert.Equal("next", (await socket.NextForAsync("q"))["type"]?.GetValue<string>());
        await socket.SubscribeAsync("broken", "{ nosuchfield }");
        Assert.Equal("error", (await socket.NextForAsync("broken"))["type"]?.GetValue<string>());
        await socket.SubscribeAsync("s", LiveListings.Subscription(), new { city });
        await server.PublishUntilAllSeeAsync(seller, city, async wait => (await socket.TryNextAsync(wait)) is { } message && message["id"]?.GetValue<string>() == "s" ? message : null);

        Assert.Equal(2, measured.Sum(Requests, (Tags.Transport, "websocket"), (Tags.OperationType, "query")));
        Assert.Equal(1, measured.Sum(Requests, (Tags.Transport, "websocket"), (Tags.OperationType, "subscription")));
        Assert.Equal(1, measured.Sum(Errors, (Tags.Transport, "websocket"), (Tags.ErrorCode, "BAD_USER_INPUT")));
        Assert.Equal(1, measured.Sum("eticket.graphql.subscriptions.open"));

        await socket.CompleteAsync("s");
        for (var i = 0; i < 100 && measured.Sum("eticket.graphql.subscriptions.open") != 0; i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, measured.Sum("eticket.graphql.subscriptions.open"));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_outbox_and_search_lags_are_gauges_in_seconds(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        using var measured = new RecordedMeasurements(server);

        var outbox = await measured.GaugeValueAsync("eticket.outbox.lag");
        var search = await measured.GaugeValueAsync("eticket.search.lag");

        // A fresh platform keeps up: nothing has waited long.
        Assert.InRange(outbox.Value, 0, 60);
        Assert.InRange(search.Value, 0, 60);
    }

    [Fact]
    public async Task The_members_subgraph_has_no_lag_gauges()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = "Members" });
        using var measured = new RecordedMeasurements(server);

        Assert.Contains(Requests, measured.Published);
        Assert.DoesNotContain("eticket.outbox.lag", measured.Published);
        Assert.DoesNotContain("eticket.search.lag", measured.Published);
    }
}
