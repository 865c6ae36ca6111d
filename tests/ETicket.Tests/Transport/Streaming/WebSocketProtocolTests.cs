using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>
/// graphql-transport-ws as its protocol document defines it: the handshake, connection_init and its
/// authorization, ping/pong, and the close code for every way a client can break the protocol.
/// </summary>
public sealed class WebSocketProtocolTests(WebSocketServerFixture platform) : IClassFixture<WebSocketServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task The_server_chooses_graphql_transport_ws_and_acknowledges_connection_init()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server, ["graphql-ws", "graphql-transport-ws"]);
        Assert.Equal("graphql-transport-ws", socket.SubProtocolChosen);

        await socket.SendAsync(new { type = "connection_init" });

        var ack = await socket.NextAsync();
        Assert.Equal("""{"type":"connection_ack"}""", ack.ToJsonString());
    }

    [Theory]
    [InlineData]
    [InlineData("graphql-ws")]
    public async Task A_socket_without_the_subprotocol_is_closed_with_4406(params string[] offered)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server, offered);

        var reason = await socket.ExpectCloseAsync(4406);
        Assert.Contains("graphql-transport-ws", reason);
    }

    [Fact]
    public async Task Without_connection_init_in_time_the_socket_is_closed_with_4408()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        // The fixture allows one second.
        var reason = await socket.ExpectCloseAsync(4408, TimeSpan.FromSeconds(10));
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendAsync(new { type = "connection_init" });

        await socket.ExpectCloseAsync(4429);
    }

    [Fact]
    public async Task Subscribe_before_connection_ack_closes_with_4401()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SubscribeAsync("1", "{ __typename }");

        Assert.Equal("Unauthorized", await socket.ExpectCloseAsync(4401));
    }

    [Fact]
    public async Task A_second_subscribe_with_a_running_id_closes_with_4409()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("same", LiveListings.Subscription(), new { city = LiveListings.NewCity() });

        await socket.SubscribeAsync("same", "{ __typename }");

        Assert.Equal("Subscriber for same already exists", await socket.ExpectCloseAsync(4409));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    [InlineData("""{"type":"ping","payload":"text"}""")]
    [InlineData("""{"type":"subscribe","id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":7,"payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":1}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":[]}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","operationName":1}}""")]
    [InlineData("""{"type":"complete"}""")]
    // A key given twice, an escaped lone surrogate: JSON that cannot be read one way.
    [InlineData("""{"type":"complete","id":"1","type":"subscribe"}""")]
    [InlineData("""{"type":"complete","id":"1","id":"2"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":{"f":1,"f":2}}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","extensions":{"f":1,"f":2}}}""")]
    [InlineData("""{"type":"ping","payload":{"f":1,"f":2}}""")]
    [InlineData("""{"type":"\ud800"}""")]
    [InlineData("""{"type":"complete","id":"\udc00"}""")]
    [InlineData("""{"type":"subscribe","id":"\ud800\u0041","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }\ud800"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","operationName":"\udfff"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":{"v":"\ud800"}}}""")]
    [InlineData("""{"type":"ping","payload":{"\ud800":1}}""")]
    // A number past a double's range reads as infinity, which a subscription group's key cannot hold.
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"subscription { listingPublished { id } }","variables":{"x":1e400}}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","extensions":{"x":[-1e400]}}}""")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendTextAsync(message);

        Assert.StartsWith("Invalid message", await socket.ExpectCloseAsync(4400));
    }

    [Theory]
    [InlineData("""{"type":"connection_init","payload":[1]}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer \ud800"}}""")]
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer a","authorization":"Bearer b"}}""")]
    // The key is matched ignoring case, so two spellings of it are just as ambiguous.
    [InlineData("""{"type":"connection_init","payload":{"authorization":"Bearer a","Authorization":"Bearer b"}}""")]
    public async Task An_invalid_connection_init_closes_with_4400(string message)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendTextAsync(message);

        Assert.StartsWith("Invalid message", await socket.ExpectCloseAsync(4400));
    }

    [Fact]
    public async Task A_message_over_the_request_size_limit_closes_with_1009()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        var padding = new string(' ', 300_000);
        await socket.SendTextAsync($$$"""{"type":"subscribe","id":"1","payload":{"query":"{{{padding}}}{ __typename }"}}""");

        await socket.ExpectCloseAsync(1009);
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong_carrying_its_payload()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendTextAsync("""{"type":"ping","payload":{"sent":12}}""");
        var pong = await socket.NextAsync();
        await socket.SendTextAsync("""{"type":"ping"}""");
        var bare = await socket.NextAsync();

        Assert.Equal("""{"type":"pong","payload":{"sent":12}}""", pong.ToJsonString());
        Assert.Equal("""{"type":"pong"}""", bare.ToJsonString());
    }

    [Fact]
    public async Task Pings_are_answered_before_connection_init_too()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await socket.NextAsync())["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Without_authorization_the_connection_is_anonymous()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SubscribeAsync("me", "{ me { id } }");

        var next = await socket.NextForAsync("me");
        Assert.Equal("""{"id":"me","type":"next","payload":{"data":{"me":null}}}""", next.ToJsonString());
    }

    [Fact]
    public async Task The_token_in_connection_init_identifies_the_member()
    {
        var member = await Server.SignInAsync("13800139001", "Socket");
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server, member.AccessToken);

        await socket.SubscribeAsync("me", "{ me { id } }");

        var next = await socket.NextForAsync("me");
        Assert.Equal(member.Id, next["payload"]?["data"]?["me"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_authorization_key_is_read_ignoring_case_as_tools_copy_HTTP_headers()
    {
        var member = await Server.SignInAsync("13800139002", "Header");
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + member.AccessToken } });
        Assert.Equal("connection_ack", (await socket.NextAsync())["type"]?.GetValue<string>());
        await socket.SubscribeAsync("me", "{ me { id } }");

        Assert.Equal(member.Id, (await socket.NextForAsync("me"))["payload"]?["data"]?["me"]?["id"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("Bearer not-a-token", "invalid")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl", "invalid")]
    [InlineData("Basic xyz", "Bearer")]
    [InlineData("", "Bearer")]
    public async Task An_authorization_that_does_not_authenticate_closes_with_4403(string authorization, string explanation)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization } });

        var reason = await socket.ExpectCloseAsync(4403);
        Assert.StartsWith("Forbidden", reason);
        Assert.Contains(explanation, reason);
    }

    [Fact]
    public async Task An_authorization_that_is_not_a_string_closes_with_4403()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendTextAsync("""{"type":"connection_init","payload":{"authorization":{"token":"x"}}}""");

        await socket.ExpectCloseAsync(4403);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_closes_with_4403()
    {
        var member = await Server.SignInAsync("13800139003", "Foreign");
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + Tokens.SignedWithForeignKey(member.Id) } });

        Assert.Contains("invalid", await socket.ExpectCloseAsync(4403));
    }

    [Fact]
    public async Task An_expired_token_closes_with_4403_saying_so()
    {
        var issuer = Server.Services.GetRequiredService<IAccessTokenIssuer>();
        var issuedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var token = issuer.Issue(Member.JoinWithPhoneNumber("13800139004", null, issuedAt), issuedAt, TimeSpan.FromMinutes(15)).Token;
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });

        Assert.Contains("expired", await socket.ExpectCloseAsync(4403));
    }
}
