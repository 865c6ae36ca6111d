using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport.Streaming;

public sealed class PingingServerFixture : StreamingServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:Subscriptions:PingInterval"] = "00:00:00.200",
    };
}

/// <summary>With PingInterval set, the server pings acknowledged connections; clients answer pong.</summary>
public sealed class ServerPingTests(PingingServerFixture platform) : IClassFixture<PingingServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task The_server_pings_at_the_configured_interval_once_the_connection_is_acknowledged()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);
        // Not before connection_ack: a client may expect the ack first.
        await socket.NothingWithinAsync(TimeSpan.FromMilliseconds(600));
        await socket.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await socket.NextAsync())["type"]?.GetValue<string>());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("""{"type":"ping"}""", (await socket.NextAsync(TimeSpan.FromSeconds(5))).ToJsonString());
            await socket.SendAsync(new { type = "pong" });
        }
        await socket.SubscribeAsync("still-open", "{ __typename }");
        Assert.Equal("next", (await socket.NextExceptPingAsync())["type"]?.GetValue<string>());
    }
}
