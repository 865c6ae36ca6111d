using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport.Streaming;

public sealed class LimitedServerFixture : StreamingServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:Subscriptions:MaxSubscriptionsPerConnection"] = "2",
        ["ETicket:Subscriptions:MaxConnectionsPerMember"] = "2",
    };
}

/// <summary>What one connection and one member may hold open (ETicket:Subscriptions).</summary>
public sealed class StreamingLimitTests(LimitedServerFixture platform) : IClassFixture<LimitedServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task A_subscribe_over_the_per_connection_limit_gets_TOO_MANY_SUBSCRIPTIONS_and_the_socket_stays()
    {
        var seller = await Server.SignInAsync("13800139301", "Seller");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("one", LiveListings.Subscription(), new { city });
        await socket.SubscribeAsync("two", LiveListings.Subscription("id"), new { city });

        await socket.SubscribeAsync("three", LiveListings.Subscription(), new { city });

        var error = await socket.NextForAsync("three");
        Assert.Equal("error", error["type"]?.GetValue<string>());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", error["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        // The others run on, and completing one makes room.
        await Server.PublishUntilAllSeeAsync(seller, city,
            wait => WebSocketOperationTests.NextOfAsync(socket, "one", wait), wait => WebSocketOperationTests.NextOfAsync(socket, "two", wait));
        await socket.CompleteAsync("one");
        await socket.SubscribeAsync("three", "{ __typename }");
        Assert.Equal("next", (await socket.NextForAsync("three"))["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_member_over_the_connection_limit_is_refused_on_both_transports_and_others_are_not()
    {
        var member = await Server.SignInAsync("13800139302", "Busy");
        var other = await Server.SignInAsync("13800139303", "Other");
        var subscription = LiveListings.Subscription();
        var city = new { city = LiveListings.NewCity() };
        await using var first = await GraphQLSocket.ConnectAndInitAsync(Server, member.AccessToken);
        await using var second = await ServerSentEventReader.PostAsync(Server, subscription, city, member.AccessToken);
        Assert.Equal(200, (int)second.Response.StatusCode);

        await using var thirdSocket = await GraphQLSocket.ConnectAsync(Server);
        await thirdSocket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + member.AccessToken } });
        var reason = await thirdSocket.ExpectCloseAsync(4403);
        var thirdStream = await Server.SendRawAsync(HttpMethod.Post, "/graphql", JsonContent(subscription), accept: "text/event-stream",
            authorization: "Bearer " + member.AccessToken);

        Assert.Contains("TOO_MANY_CONNECTIONS", reason);
        TransportAssert.Refused(thirdStream, 429, "TOO_MANY_CONNECTIONS");
        // Another member, and anonymous clients, are not affected.
        await using var otherSocket = await GraphQLSocket.ConnectAndInitAsync(Server, other.AccessToken);
        await using var anonymous = await GraphQLSocket.ConnectAndInitAsync(Server);
        // A connection that ends gives its place back.
        await first.DisposeAsync();
        await using var again = await ConnectWhenFreedAsync(member);
    }

    /// <summary>The place comes back when the server has finished with the closed socket, a moment after the client did.</summary>
    private async Task<GraphQLSocket> ConnectWhenFreedAsync(SignedInMember member)
    {
        for (var attempt = 0; ; attempt++)
        {
            var socket = await GraphQLSocket.ConnectAsync(Server);
            await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + member.AccessToken } });
            if (await socket.TryNextAsync(TimeSpan.FromSeconds(2)) is { } ack && ack["type"]?.GetValue<string>() == "connection_ack")
                return socket;
            await socket.DisposeAsync();
            Assert.True(attempt < 20, "The closed connection's place never came back.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static StringContent JsonContent(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>A platform behind a gateway on loopback (ETicket:Network:TrustedProxies), with the small per-client bounds above.</summary>
public sealed class ProxiedServerFixture : StreamingServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:Subscriptions:MaxSubscriptionsPerConnection"] = "2",
        ["ETicket:Subscriptions:MaxSubscriptionsPerProxyConnection"] = "5",
        ["ETicket:Network:TrustedProxies:0"] = "127.0.0.1",
    };
}

/// <summary>
/// A gateway carries many clients' subscriptions on one socket, so a connection from a trusted proxy
/// gets the proxy bounds instead of a single client's.
/// </summary>
public sealed class ProxyConnectionLimitTests(ProxiedServerFixture platform) : IClassFixture<ProxiedServerFixture>
{
    [Fact]
    public async Task A_trusted_proxy_may_run_up_to_the_proxy_bound_of_operations_on_one_socket()
    {
        var seller = await platform.Server.SignInAsync("13800139401", "Seller");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(platform.Server);
        string[] ids = ["one", "two", "three", "four", "five"];
        foreach (var id in ids)
            await socket.SubscribeAsync(id, LiveListings.Subscription(), new { city });

        await socket.SubscribeAsync("six", LiveListings.Subscription(), new { city });

        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", (await socket.NextForAsync("six"))["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        await platform.Server.PublishUntilAllSeeAsync(seller, city, [.. ids.Select(id => (Func<TimeSpan, Task<System.Text.Json.Nodes.JsonNode?>>)(wait => WebSocketOperationTests.NextOfAsync(socket, id, wait)))]);
    }
}
