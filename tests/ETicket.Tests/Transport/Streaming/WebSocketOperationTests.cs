using ETicket.Domain.Events.Broadcast;
using ETicket.Graph.Subscriptions;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>
/// Operations over graphql-transport-ws: queries and mutations (one next, then complete), errors,
/// several subscriptions on one socket, complete from the client, and the end of the socket.
/// </summary>
public sealed class WebSocketOperationTests(WebSocketServerFixture platform) : IClassFixture<WebSocketServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task A_query_answers_one_next_then_complete()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SubscribeAsync("q", "query($first: Int) { listings(first: $first) { totalCount } __typename }", new { first = 1 });

        var next = await socket.NextAsync();
        Assert.Equal("next", next["type"]?.GetValue<string>());
        Assert.Equal("q", next["id"]?.GetValue<string>());
        Assert.Equal("Query", next["payload"]?["data"]?["__typename"]?.GetValue<string>());
        Assert.Equal("""{"id":"q","type":"complete"}""", (await socket.NextAsync()).ToJsonString());
        await socket.NothingWithinAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_mutation_over_the_socket_runs_as_the_connection_s_member()
    {
        var seller = await Server.SignInAsync("13800139101", "Mutator");
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server, seller.AccessToken);

        await socket.SubscribeAsync("m", ListingRequests.Publish, new { input = ListingRequests.Concert(title: "Over the socket", ticketCode: "WS-MUTATION-1") });

        var payload = (await socket.NextForAsync("m"))["payload"]!;
        Assert.Null(payload["errors"]);
        var listing = payload["data"]!["publishListing"]!["listing"]!;
        Assert.Equal("Over the socket", listing["title"]?.GetValue<string>());
        Assert.Equal(seller.Id, listing["seller"]?["id"]?.GetValue<string>());
        Assert.Equal("complete", (await socket.NextForAsync("m"))["type"]?.GetValue<string>());
        // It really ran: the listing is there for everyone.
        var read = (await Server.PostAsync("query($id: ID!) { listing(id: $id) { title } }", new { id = listing["id"]!.GetValue<string>() })).Ok();
        Assert.Equal("Over the socket", read["listing"]?["title"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("{ noSuchField }", "BAD_USER_INPUT")]
    [InlineData("{ listings", "BAD_USER_INPUT")]
    [InlineData("subscription { myOrderChanged { id } }", "UNAUTHENTICATED")]
    [InlineData("subscription { listingChanged(listingId: \"0190f0f0f0f0f0f0f0f0f0f0f0f0f0f0\") { id } }", "BAD_USER_INPUT")]
    [InlineData("subscription A { listingPublished { id } } subscription B { listingPublished { id } }", "BAD_USER_INPUT")]
    public async Task An_operation_that_cannot_run_gets_an_error_message_and_its_id_is_free_again(string query, string code)
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SubscribeAsync("bad", query);

        var error = await socket.NextAsync();
        Assert.Equal("error", error["type"]?.GetValue<string>());
        Assert.Equal("bad", error["id"]?.GetValue<string>());
        var first = Assert.Single(error["payload"]!.AsArray())!;
        Assert.Equal(code, first["extensions"]?["code"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(first["message"]?.GetValue<string>()));
        // No complete follows an error, and the id may be used again at once.
        await socket.SubscribeAsync("bad", "{ __typename }");
        Assert.Equal("next", (await socket.NextAsync())["type"]?.GetValue<string>());
        Assert.Equal("complete", (await socket.NextAsync())["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Several_subscriptions_on_one_socket_each_receive_a_published_listing()
    {
        var seller = await Server.SignInAsync("13800139102", "卖家小王");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("all", LiveListings.Subscription(), new { city });
        await socket.SubscribeAsync("sellers", LiveListings.Subscription("title seller { nickname }"), new { city });
        await socket.SubscribeAsync("concerts", """
            subscription($city: String) { listingPublished(category: CONCERT, city: $city) { title category } }
            """, new { city });
        await socket.SubscribeAsync("films", """
            subscription($city: String) { listingPublished(category: FILM, city: $city) { title } }
            """, new { city });
        await Server.PublishUntilAllSeeAsync(seller, city,
            wait => NextOfAsync(socket, "all", wait), wait => NextOfAsync(socket, "sellers", wait), wait => NextOfAsync(socket, "concerts", wait));

        var title = await Server.PublishInAsync(seller, city);

        Assert.Equal(title, (await socket.NextWithTitleAsync("all", title))["title"]?.GetValue<string>());
        Assert.Equal("卖家小王", (await socket.NextWithTitleAsync("sellers", title))["seller"]?["nickname"]?.GetValue<string>());
        Assert.Equal("CONCERT", (await socket.NextWithTitleAsync("concerts", title))["category"]?.GetValue<string>());
        // The film subscription filters every one of these concerts out.
        await socket.SendAsync(new { type = "ping" });
        for (var message = await socket.NextAsync(); message["type"]?.GetValue<string>() != "pong"; message = await socket.NextAsync())
            Assert.NotEqual("films", message["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Complete_from_the_client_ends_its_subscription_only()
    {
        var seller = await Server.SignInAsync("13800139103", "Seller");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("stays", LiveListings.Subscription(), new { city });
        await socket.SubscribeAsync("leaves", LiveListings.Subscription("id title city"), new { city });
        await Server.PublishUntilAllSeeAsync(seller, city, wait => NextOfAsync(socket, "stays", wait), wait => NextOfAsync(socket, "leaves", wait));

        await socket.CompleteAsync("leaves");
        var title = await Server.PublishInAsync(seller, city);

        await socket.NextWithTitleAsync("stays", title);
        await socket.SendAsync(new { type = "ping" });
        for (var message = await socket.NextAsync(); message["type"]?.GetValue<string>() != "pong"; message = await socket.NextAsync())
            Assert.False(message["id"]?.GetValue<string>() == "leaves" && message.ToJsonString().Contains(title), "An event after complete");
        // The id is free again: subscribing with it is no duplicate.
        await socket.SubscribeAsync("leaves", "{ __typename }");
        Assert.Equal("next", (await socket.NextForAsync("leaves"))["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Closing_the_socket_ends_all_its_subscriptions()
    {
        await Server.NoGroupsLeftAsync();
        var city = LiveListings.NewCity();
        var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("a", LiveListings.Subscription(), new { city });
        await socket.SubscribeAsync("b", LiveListings.Subscription("id"), new { city });
        await Server.GroupsBecomeAsync(2);

        await socket.DisposeAsync();

        await Server.GroupsBecomeAsync(0);
    }

    [Fact]
    public async Task Ticket_codes_reach_only_the_members_allowed_to_see_them()
    {
        var seller = await Server.SignInAsync("13800139104", "Code seller");
        var stranger = await Server.SignInAsync("13800139105", "Stranger");
        var city = LiveListings.NewCity();
        await using var asSeller = await GraphQLSocket.ConnectAndInitAsync(Server, seller.AccessToken);
        await using var asStranger = await GraphQLSocket.ConnectAndInitAsync(Server, stranger.AccessToken);
        await using var anonymous = await GraphQLSocket.ConnectAndInitAsync(Server);
        foreach (var socket in new[] { asSeller, asStranger, anonymous })
            await socket.SubscribeAsync("codes", LiveListings.Subscription("title ticketCode"), new { city });
        await Server.PublishUntilAllSeeAsync(seller, city,
            wait => NextOfAsync(asSeller, "codes", wait), wait => NextOfAsync(asStranger, "codes", wait), wait => NextOfAsync(anonymous, "codes", wait));

        var title = await Server.PublishInAsync(seller, city, ticketCode: "SEAT-42-SECRET");

        Assert.Equal("SEAT-42-SECRET", (await asSeller.NextWithTitleAsync("codes", title))["ticketCode"]?.GetValue<string>());
        Assert.Null((await asStranger.NextWithTitleAsync("codes", title))["ticketCode"]);
        Assert.Null((await anonymous.NextWithTitleAsync("codes", title))["ticketCode"]);
    }

    [Fact]
    public async Task Live_updates_lost_end_the_subscription_with_LIVE_UPDATES_UNAVAILABLE()
    {
        var seller = await Server.SignInAsync("13800139106", "Seller");
        var city = LiveListings.NewCity();
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("live", LiveListings.Subscription(), new { city });
        await Server.PublishUntilAllSeeAsync(seller, city, wait => NextOfAsync(socket, "live", wait));

        // What the Redis fan-out reports when it loses its connection.
        ((IBroadcastListener)Server.Services.GetRequiredService<SubscriptionEvents>()).OnInterrupted("test");

        var end = await SkipNextsAsync(socket, "live");
        Assert.Equal("error", end["type"]?.GetValue<string>());
        Assert.Equal("LIVE_UPDATES_UNAVAILABLE", end["payload"]?[0]?["extensions"]?["code"]?.GetValue<string>());
    }

    /// <summary>The next message for <paramref name="id"/> within <paramref name="wait"/>, or null.</summary>
    internal static async Task<System.Text.Json.Nodes.JsonNode?> NextOfAsync(GraphQLSocket socket, string id, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (await socket.TryNextAsync(deadline - DateTime.UtcNow) is not { } message)
                return null;
            if (message["id"]?.GetValue<string>() == id)
                return message;
        }
        return null;
    }

    /// <summary>The first message for <paramref name="id"/> that is not a <c>next</c> (events published while waiting may precede it).</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> SkipNextsAsync(GraphQLSocket socket, string id)
    {
        while (true)
        {
            var message = await socket.NextForAsync(id);
            if (message["type"]?.GetValue<string>() != "next")
                return message;
        }
    }
}
