using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

/// <summary>Related entities load in batches: the statement count does not grow with the page.</summary>
public sealed class BatchingTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Sellers_of_a_page_load_in_one_statement(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        for (var i = 0; i < 12; i++)
        {
            var seller = await server.SignInAsync($"1380000{i:0000}", $"Seller {i}");
            await server.PublishOkAsync(seller, ListingRequests.Concert(title: $"Listing {i}", ticketCode: $"CODE-{i}"));
        }
        var counter = server.SqlCommands;

        async Task<int> StatementsForPageOf(int size)
        {
            counter.Reset();
            var nodes = (await server.PostAsync($"{{ listings(first: {size}) {{ nodes {{ title seller {{ nickname }} }} }} }}")).Ok()["listings"]!["nodes"]!.AsArray();
            Assert.Equal(size, nodes.Count);
            Assert.All(nodes, n => Assert.StartsWith("Seller ", n!["seller"]!["nickname"]!.GetValue<string>()));
            return counter.Commands.Count;
        }

        var forTwo = await StatementsForPageOf(2);
        var forTwelve = await StatementsForPageOf(12);
        Assert.Equal(forTwo, forTwelve);
        Assert.Equal(2, forTwelve); // the page, then its sellers
    }

    [Fact]
    public async Task Entity_references_resolve_in_one_batch_per_type()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = "Members" });
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
            ids.Add((await server.SignInAsync($"1380000{i:0000}", $"Member {i}")).Id);
        server.SqlCommands.Reset();

        var representations = ids.Select(id => new Dictionary<string, object> { ["__typename"] = "Member", ["id"] = id }).ToArray();
        var entities = (await server.PostAsync(
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id nickname } } }",
            new { r = representations })).Ok()["_entities"]!.AsArray();

        Assert.Equal(ids, entities.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal("Member 3", entities[3]!["nickname"]!.GetValue<string>());
        Assert.Single(server.SqlCommands.Commands);
    }
}
