using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Querying;

/// <summary>The cost of a request in SQL statements does not grow with its page size.</summary>
public sealed class StatementCountTests
{
    private static async Task<PlatformServer> StartWithSellersAsync(ITestDatabase database, Dictionary<string, string?>? settings = null)
    {
        var server = await PlatformServer.StartAsync(database, settings);
        // Fifty sellers with three listings each, so a page of fifty has fifty distinct sellers.
        for (var i = 0; i < 50; i++)
        {
            var seller = await server.SignInAsync($"1380000{i:0000}", $"Seller {i}");
            await server.SeedAsync(seller.Id, 3, j => ListingSeeds.Concert($"S{i}-{j}", 100m + j));
        }
        return server;
    }

    private static async Task<int> StatementsAsync(PlatformServer server, string query, object? variables = null)
    {
        server.SqlCommands.Reset();
        var data = (await server.PostAsync(query, variables)).Ok();
        Assert.NotNull(data);
        return server.SqlCommands.Commands.Count;
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_page_with_sellers_their_trades_and_their_shops_costs_the_same_for_5_and_50(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await StartWithSellersAsync(database, new() { ["ETicket:Members:SignInRateLimit:PermitLimit"] = "1000" });
        const string query = """
            query($n: Int) {
              listings(first: $n, order: [{ title: ASC }]) {
                totalCount
                nodes { title seller { nickname completedTrades listings(first: 2) { totalCount nodes { title } } } }
              }
            }
            """;

        var forFive = await StatementsAsync(server, query, new { n = 5 });
        var forFifty = await StatementsAsync(server, query, new { n = 50 });

        Assert.Equal(forFive, forFifty);
        // page, total, sellers, trades as buyer, trades as seller, their first pages, their totals
        Assert.Equal(7, forFifty);
    }

    [Fact]
    public async Task Fifty_entity_representations_resolve_in_one_statement_per_type()
    {
        await using var tickets = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Role"] = "Tickets",
        });
        await using var members = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Role"] = "Members",
            ["ETicket:Members:SignInRateLimit:PermitLimit"] = "1000",
        }, dataDirectory: tickets.DataDirectory);
        var memberIds = new List<string>();
        var listingIds = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var member = await members.SignInAsync($"1390000{i:0000}", $"M{i}");
            memberIds.Add(member.Id);
            listingIds.AddRange(await tickets.SeedAsync(member.Id, 1, _ => ListingSeeds.Concert($"L{i}", 100m)));
        }
        object Representations(string type, IEnumerable<string> ids) => new { r = ids.Select(id => new Dictionary<string, string> { ["__typename"] = type, ["id"] = id }) };

        Assert.Equal(1, await StatementsAsync(members,
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id nickname } } }", Representations("Member", memberIds)));
        Assert.Equal(1, await StatementsAsync(tickets,
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Listing { id title } } }", Representations("Listing", listingIds)));
        // The tickets subgraph's Member (an entity extension) resolves its listings for all fifty at once.
        Assert.Equal(1, await StatementsAsync(tickets,
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id listings(first: 1) { nodes { title } } } } }",
            Representations("Member", memberIds)));
    }

    [Fact]
    public async Task A_list_page_does_not_read_ticket_codes_or_descriptions_nobody_asked_for()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 20, i => ListingSeeds.Concert($"L{i}", 100m));

        server.SqlCommands.Reset();
        (await server.PostAsync("{ listings(first: 20) { nodes { title price } } }")).Ok();
        Assert.All(server.SqlCommands.Commands, sql =>
        {
            Assert.DoesNotContain("TicketCodeCipher", sql);
            Assert.DoesNotContain("Description", sql);
        });

        var withDescriptions = await StatementsAsync(server, "{ listings(first: 20) { nodes { title description } } }");
        Assert.Equal(2, withDescriptions); // the page, then the twenty descriptions together
    }
}
