using System.Text;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport.Streaming;

namespace ETicket.Tests.Transport;

/// <summary>
/// A client that leaves while its operation runs (the phone loses its network mid-request): the
/// operation is cancelled, nothing is answered, and nothing is logged as a server failure.
/// </summary>
public sealed class LeavingClientTests : IClassFixture<ClientMistakesFixture>
{
    private const string Query = """{"query":"{ listings(first: 1) { totalCount } }"}""";
    private readonly ClientMistakesFixture _platform;

    public LeavingClientTests(ClientMistakesFixture platform)
    {
        _platform = platform;
        // Each test waits until the server is done with its connections, so the next starts on a clean log.
        Server.Logs().Clear();
    }

    private PlatformServer Server => _platform.Server;

    [Theory]
    [InlineData(Media.Json)]
    [InlineData(Media.GraphQLResponse)]
    [InlineData(Media.ServerSentEventStream)]
    public Task Over_HTTP_and_SSE(string accept) => LeaveWhileHeldAsync("", accept);

    // The held query is the check that the token's member exists (KnownMembers), run while JwtBearer
    // authenticates: an exception there is logged by JwtBearer as a failure.
    [Fact]
    public async Task Signed_in_while_the_token_is_checked()
    {
        var member = await Server.SignInAsync("13800000913");
        Server.Logs().Clear();
        await LeaveWhileHeldAsync($"Authorization: Bearer {member.AccessToken}\r\n", Media.Json);
    }

    [Fact]
    public async Task Over_a_WebSocket()
    {
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(Server);
        var held = _platform.HeldQuery.Arm();
        await socket.SubscribeAsync("1", "{ listings(first: 1) { totalCount } }");
        await held;

        socket.Abort();

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    /// <summary>Posts the query with <paramref name="headers"/> (each ending in CRLF), resets the connection once the query is held.</summary>
    private async Task LeaveWhileHeldAsync(string headers, string accept)
    {
        var held = _platform.HeldQuery.Arm();
        using var connection = await RawConnection.OpenAsync(Server);
        await connection.SendAsync(RawConnection.PostHead($"{headers}Content-Length: {Encoding.UTF8.GetByteCount(Query)}", accept) + Query);
        await held;

        connection.Reset();

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }
}
