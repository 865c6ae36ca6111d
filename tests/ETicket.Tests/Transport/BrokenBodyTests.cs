using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Transport;

/// <summary>
/// POST bodies that never arrive whole: too slowly, in broken chunks, cut off. Each is the client's
/// mistake: a 4xx when an answer can still reach it, and never a server failure in the log.
/// </summary>
public sealed class BrokenBodyTests : IClassFixture<ClientMistakesFixture>
{
    private const string Body = """{"query":"{ __typename }"}""";

    public BrokenBodyTests(ClientMistakesFixture platform)
    {
        Server = platform.Server;
        // Not what the start logged (e.g. that WeChat sign-in is off), nor an earlier test: each waits
        // until the server is done with its connections, so the next starts on a clean log.
        Server.Logs().Clear();
    }

    private PlatformServer Server { get; }

    [Theory]
    [InlineData(Media.Json)]
    [InlineData(Media.GraphQLResponse)]
    [InlineData(Media.ServerSentEventStream)]
    public async Task A_body_that_stops_arriving_gets_408(string accept)
    {
        using var connection = await RawConnection.OpenAsync(Server);

        // Half the body, then nothing: Kestrel gives up after the grace period.
        await connection.SendAsync(RawConnection.PostHead($"Content-Length: {Body.Length}", accept) + Body[..10]);

        var answer = await connection.ReadAnswerAsync();
        TransportAssert.Refused(answer, 408, "BAD_USER_INPUT");
        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Theory]
    [InlineData("zz\r\n" + Body + "\r\n0\r\n\r\n")] // a chunk size that is not hexadecimal
    [InlineData("1A\r\n" + Body + "XX0\r\n\r\n")] // a chunk not followed by its CRLF
    [InlineData("-1A\r\n" + Body + "\r\n0\r\n\r\n")]
    public async Task Malformed_chunked_encoding_gets_400(string chunks)
    {
        using var connection = await RawConnection.OpenAsync(Server);

        await connection.SendAsync(RawConnection.PostHead("Transfer-Encoding: chunked", Media.GraphQLResponse) + chunks);

        var answer = await connection.ReadAnswerAsync();
        TransportAssert.Refused(answer, 400, "BAD_USER_INPUT");
        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }

    [Theory]
    [InlineData(Media.Json)]
    [InlineData(Media.ServerSentEventStream)]
    public async Task A_client_that_resets_the_connection_mid_body_is_not_a_server_failure(string accept)
    {
        const int attempts = 5; // The server notices a reset at different points; a few tries meet more of them.
        for (var i = 0; i < attempts; i++)
        {
            using var connection = await RawConnection.OpenAsync(Server);
            await connection.SendAsync(RawConnection.PostHead($"Content-Length: {Body.Length}", accept) + Body[..10]);
            connection.Reset();
        }

        await Server.ConnectionsEndedAsync(attempts);
        Server.AssertNoWarnings();
    }

    [Theory]
    [InlineData("Content-Length: 100")]
    [InlineData("Transfer-Encoding: chunked")]
    public async Task A_body_cut_short_by_the_end_of_the_stream_is_not_a_server_failure(string framing)
    {
        using var connection = await RawConnection.OpenAsync(Server);
        var partial = framing.StartsWith("Content-Length") ? Body : "1A\r\n" + Body[..10];

        await connection.SendAsync(RawConnection.PostHead(framing) + partial);
        connection.EndSending();

        await Server.ConnectionsEndedAsync(1);
        Server.AssertNoWarnings();
    }
}
