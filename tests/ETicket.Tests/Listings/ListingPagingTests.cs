using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

public sealed class ListingPagingTests
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String) {
          listings(first: $first, after: $after, last: $last, before: $before) {
            totalCount
            nodes { title }
            edges { cursor node { title } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Pages_walk_every_listing_newest_first_in_both_directions(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        for (var i = 1; i <= 7; i++)
            await server.PublishOkAsync(seller, ListingRequests.Concert(title: $"Listing {i}", ticketCode: $"CODE-{i}"));

        var forward = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = await ListingsAsync(server, new { first = 3, after });
            forward.AddRange(Titles(page));
            Assert.Equal(7, page["totalCount"]!.GetValue<int>());
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"Listing {i}"), forward);

        var backward = new List<string>();
        string? before = null;
        do
        {
            page = await ListingsAsync(server, new { last = 3, before });
            backward.InsertRange(0, Titles(page));
            Assert.Equal(before is not null, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        while (page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task Edges_and_nodes_agree_and_default_to_twenty()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        for (var i = 1; i <= 22; i++)
            await server.PublishOkAsync(seller, ListingRequests.Concert(title: $"Listing {i}", ticketCode: $"CODE-{i}"));

        var page = await ListingsAsync(server, new { });
        Assert.Equal(20, page["nodes"]!.AsArray().Count);
        Assert.Equal(Titles(page), page["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()));
        Assert.Equal(page["pageInfo"]!["endCursor"]!.GetValue<string>(), page["edges"]![19]!["cursor"]!.GetValue<string>());
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{ listings(first: 101) { totalCount } }")]
    [InlineData("{ listings(first: -1) { totalCount } }")]
    [InlineData("{ listings(first: 1, last: 1) { totalCount } }")]
    [InlineData("{ listings(after: \"garbage\") { totalCount } }")]
    [InlineData("{ listings(after: \"MTIzNA\") { totalCount } }")]
    public async Task Impossible_paging_is_bad_user_input(string query)
    {
        await using var server = await PlatformServer.StartAsync();
        var response = await server.PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.DoesNotContain("   at ", response.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_member_lists_only_their_own_listings_filtered_by_status()
    {
        await using var server = await PlatformServer.StartAsync();
        var alice = await server.SignInAsync("13800000001");
        var bob = await server.SignInAsync("13800000002");
        await server.PublishOkAsync(alice, ListingRequests.Concert(title: "Alice 1", ticketCode: "A1"));
        await server.PublishOkAsync(alice, ListingRequests.Concert(title: "Alice 2", ticketCode: "A2"));
        await server.PublishOkAsync(bob, ListingRequests.Concert(title: "Bob 1", ticketCode: "B1"));

        var alices = (await server.PostAsync(
            "query($id: ID!) { member(id: $id) { all: listings { totalCount nodes { title } } onSale: listings(status: ON_SALE, first: 1) { totalCount pageInfo { hasNextPage } } sold: listings(status: SOLD) { totalCount } } }",
            new { id = alice.Id })).Ok()["member"]!;

        Assert.Equal(["Alice 2", "Alice 1"], Titles(alices["all"]!));
        Assert.Equal(2, alices["onSale"]!["totalCount"]!.GetValue<int>());
        Assert.True(alices["onSale"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(0, alices["sold"]!["totalCount"]!.GetValue<int>());
    }

    private static async Task<JsonNode> ListingsAsync(PlatformServer server, object variables) =>
        (await server.PostAsync(Page, variables)).Ok()["listings"]!;

    private static List<string> Titles(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
}
