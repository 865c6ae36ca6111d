using System.Text;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport.Streaming;

/// <summary>
/// WebSocket and SSE clients that break off or send what no protocol allows: the server ends their
/// connection and logs nothing at Warning or above, because the mistake is theirs.
/// </summary>
public sealed class StreamingClientFaultTests : IClassFixture<ClientMistakesFixture>
{
    public StreamingClientFaultTests(ClientMistakesFixture platform)
    {
        Server = platform.Server;
        // Each test waits until the server is done with its connections, so the next starts on a clean log.
        Server.Logs().Clear();
    }

    private PlatformServer Server { get; }

    [Fact]
    public async Task A_WebSocket_client_that_vanishes_mid_subscription_is_not_a_server_failure()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        await socket.SubscribeAsync("1", LiveListings.Subscription(), new { city = LiveListings.NewCity() });
        await Server.GroupsBecomeAsync(1);

        socket.Abort();

        await Server.ConnectionsEndedAsync(1);
        await Server.GroupsBecomeAsync(0);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task A_text_message_that_is_not_UTF_8_closes_the_socket_without_a_server_failure()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendTextAsync([.. Encoding.UTF8.GetBytes("""{"type":"ping","payload":{"x":" """), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}}")]);

        // RFC 6455's "invalid payload data", from the WebSocket stack before the message reaches us.
        await socket.ExpectCloseAsync(1007);
        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task A_message_over_the_limit_closes_with_1009_without_a_server_failure()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendTextAsync(Encoding.UTF8.GetBytes(new string(' ', 300_000)));

        await socket.ExpectCloseAsync(1009);
        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task A_WebSocket_client_that_leaves_mid_message_is_not_a_server_failure()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);

        await socket.SendTextAsync(Encoding.UTF8.GetBytes("""{"type":"ping","""), endOfMessage: false);
        socket.Abort();

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Theory]
    [InlineData(new byte[] { 0xF1, 0x80, 0, 0, 0, 0 })] // reserved bits set
    [InlineData(new byte[] { 0x83, 0x80, 0, 0, 0, 0 })] // an opcode RFC 6455 does not define
    [InlineData(new byte[] { 0x88, 0x81, 0, 0, 0, 0, 0 })] // a close frame with a one-byte body
    public async Task A_frame_that_breaks_RFC_6455_ends_the_connection_without_a_server_failure(byte[] frame)
    {
        using var connection = await RawConnection.OpenAsync(Server);

        // The handshake and the broken frame in one go: Kestrel hands what follows the request to the WebSocket.
        await connection.SendAsync(
            "GET /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n");
        await connection.SendAsync(frame);

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Fact]
    public async Task An_event_stream_client_that_resets_mid_subscription_is_not_a_server_failure()
    {
        using var connection = await RawConnection.OpenAsync(Server);
        var body = $$"""{"query":"subscription { listingPublished(city: \"{{LiveListings.NewCity()}}\") { id } }"}""";
        await connection.SendAsync(RawConnection.PostHead($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", Media.ServerSentEventStream) + body);
        await Server.GroupsBecomeAsync(1);

        connection.Reset();

        await Server.ConnectionsEndedAsync(1);
        await Server.GroupsBecomeAsync(0);
        Server.AssertNoWarnings();
    }
}
