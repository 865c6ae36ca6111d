using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport;
using ETicket.Tests.Transport.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Members;

/// <summary>
/// Members that a token or a row names but the database does not have (after a restore, or with a
/// signing key shared across environments). An outside probe published, bought and posted with such
/// a "ghost" token, and the public market page and the real seller's orders then answered
/// `data: null` for everyone.
/// </summary>
public sealed class MissingMemberTests
{
    private const string Market = "{ listings(first: 100, order: [{ title: ASC }]) { nodes { title seller { id nickname blacklisted } } } }";

    /// <summary>A token signed with the platform's own key, for a member that was never saved.</summary>
    private static string GhostToken(PlatformServer server) =>
        server.Services.GetRequiredService<IAccessTokenIssuer>()
            .Issue(Member.JoinWithPhoneNumber("13800009999", null, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15)).Token;

    [Theory]
    [InlineData("{ __typename }")]
    [InlineData("{ listings { totalCount } }")]
    [InlineData("{ myOrders { totalCount } }")]
    [InlineData("mutation { publishListing(input: { category: FOOD, title: \"KFC\", faceValue: \"30\", price: \"30\", ticketCode: \"K-1\", endsAt: \"2099-01-01T00:00:00Z\" }) { errors { code } } }")]
    [InlineData("mutation { purchaseListing(input: { listingId: \"0123456789abcdef0123456789abcdef\" }) { errors { code } } }")]
    [InlineData("mutation { postWantedRequest(input: { category: FOOD, keywords: \"KFC\" }) { errors { code } } }")]
    public async Task A_ghost_token_is_UNAUTHENTICATED_over_POST_for_every_operation(string query)
    {
        await using var server = await PlatformServer.StartAsync();

        var answer = await server.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { query }), authorization: "Bearer " + GhostToken(server));

        TransportAssert.Refused(answer, 401, "UNAUTHENTICATED");
        Assert.Contains("does not have", answer.FirstErrorMessage);
        Assert.Contains("invalid_token", answer.Header("WWW-Authenticate"));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        Assert.Equal(0, await db.Listings.CountAsync(TestContext.Current.CancellationToken) + await db.WantedRequests.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_ghost_token_is_refused_over_GET_SSE_and_WebSocket()
    {
        await using var server = await PlatformServer.StartAsync();
        var token = GhostToken(server);

        TransportAssert.Refused(await server.GetRawAsync([("query", "{ __typename }")], authorization: "Bearer " + token), 401, "UNAUTHENTICATED");

        await using (var stream = await ServerSentEventReader.PostAsync(server, "subscription { listingPublished { id } }", accessToken: token))
            Assert.Equal(401, (int)stream.Response.StatusCode);

        await using var socket = await GraphQLSocket.ConnectAsync(server);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Contains("does not have", await socket.ExpectCloseAsync(4403));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_database_refuses_rows_of_missing_members(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();

        db.Listings.Add(Listing.Publish(Ids.New(), ListingSeeds.Concert("orphan", 100m), server.Services.GetRequiredService<TicketCodeVault>(), DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Rows_of_a_missing_member_never_break_a_page_for_others(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "Seller");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "b real", ticketCode: "REAL-1"));
        var ghostId = Ids.New();
        await server.ListingOfMissingSellerAsync(database, ghostId, "a orphan");
        await server.OrderOfMissingBuyerAsync(database, listingId, ghostId);

        var market = (await server.PostAsync(Market)).Ok()["listings"]!["nodes"]!.AsArray();
        var orders = (await server.PostAsync("{ myOrders(role: SELLER) { nodes { buyer { id nickname } listing { title } } } }", accessToken: seller.AccessToken))
            .Ok()["myOrders"]!["nodes"]!.AsArray();
        var member = (await server.PostAsync($"{{ member(id: \"{ghostId}\") {{ id }} }}")).Ok()["member"];

        Assert.Equal(["a orphan", "b real"], market.Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal((ghostId, Member.MissingNickname, true),
            (market[0]!["seller"]!["id"]!.GetValue<string>(), market[0]!["seller"]!["nickname"]!.GetValue<string>(), market[0]!["seller"]!["blacklisted"]!.GetValue<bool>()));
        Assert.Equal("Seller", market[1]!["seller"]!["nickname"]!.GetValue<string>());
        Assert.Equal(Member.MissingNickname, Assert.Single(orders)!["buyer"]!["nickname"]!.GetValue<string>());
        // Looking a member up is not a reference: one that is not there is null, as before.
        Assert.Null(member);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Upgrading_keeps_the_rows_of_missing_members_with_a_blacklisted_stand_in(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        var dataDirectory = Directory.CreateTempSubdirectory("eticket-test-").FullName;
        var ghostId = Ids.New();
        await using (var old = OrphanRows.OpenContext(database, dataDirectory, foreignKeyChecks: false))
        {
            // A listing of a member the database does not have, written with today's model (so its
            // columns are today's), then the schema taken back to before members were foreign keys.
            var migrator = old.GetService<IMigrator>();
            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);
            old.Listings.Add(Listing.Publish(ghostId, ListingSeeds.Concert("kept", 100m), new TicketCodeVault(new byte[32]), DateTimeOffset.UtcNow));
            await old.SaveChangesAsync(TestContext.Current.CancellationToken);
            await migrator.MigrateAsync("MarketPageIndex", TestContext.Current.CancellationToken);
        }

        await using (var server = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory))
        {
            var listing = Assert.Single((await server.PostAsync(Market)).Ok()["listings"]!["nodes"]!.AsArray())!;
            var standIn = (await server.PostAsync($"{{ member(id: \"{ghostId}\") {{ nickname blacklisted }} }}")).Ok()["member"]!;

            Assert.Equal("kept", listing["title"]!.GetValue<string>());
            Assert.Equal(Member.MissingNickname, standIn["nickname"]!.GetValue<string>());
            Assert.True(standIn["blacklisted"]!.GetValue<bool>());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
