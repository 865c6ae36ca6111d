using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Wanted;

public sealed class WantedBoardTests
{
    private const string Board = """
        query($category: TicketCategory, $city: String, $first: Int, $after: String) {
          wantedRequests(category: $category, city: $city, first: $first, after: $after) {
            totalCount
            nodes { keywords member { id nickname } }
            edges { cursor node { keywords } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_board_lists_open_requests_newest_first_by_category_and_city(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001", "求购者");
        await server.PostWantedOkAsync(member, WantedRequestRequests.Concert("演唱会 上海", city: "上海"));
        await server.PostWantedOkAsync(member, WantedRequestRequests.Concert("演唱会 北京", city: "北京"));
        await server.PostWantedOkAsync(member, WantedRequestRequests.Concert("演唱会 不限城市"));
        await server.PostWantedOkAsync(member, new { category = "FILM", keywords = "电影 上海", city = "上海" });
        var closed = await server.PostWantedOkAsync(member, WantedRequestRequests.Concert("已关闭", city: "上海"));
        await server.CloseWantedAsync(member, closed);

        var all = await BoardAsync(server, new { });
        Assert.Equal(["电影 上海", "演唱会 不限城市", "演唱会 北京", "演唱会 上海"], Keywords(all));
        Assert.Equal(4, all["totalCount"]!.GetValue<int>());
        Assert.All(all["nodes"]!.AsArray(), node => Assert.Equal("求购者", node!["member"]!["nickname"]!.GetValue<string>()));

        Assert.Equal(["演唱会 不限城市", "演唱会 北京", "演唱会 上海"], Keywords(await BoardAsync(server, new { category = "CONCERT" })));
        Assert.Equal(["电影 上海", "演唱会 上海"], Keywords(await BoardAsync(server, new { city = "上海" })));
        var concertsInShanghai = await BoardAsync(server, new { category = "CONCERT", city = "上海" });
        Assert.Equal(["演唱会 上海"], Keywords(concertsInShanghai));
        Assert.Equal(1, concertsInShanghai["totalCount"]!.GetValue<int>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Pages_walk_the_whole_board_newest_first(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001");
        for (var i = 1; i <= 7; i++)
            await server.PostWantedOkAsync(member, WantedRequestRequests.Concert($"Wanted {i}"));

        var walked = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = await BoardAsync(server, new { first = 3, after });
            walked.AddRange(Keywords(page));
            Assert.Equal(7, page["totalCount"]!.GetValue<int>());
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            Assert.Equal(page["edges"]![0]!["cursor"]!.GetValue<string>(), page["pageInfo"]!["startCursor"]!.GetValue<string>());
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        while (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"Wanted {i}"), walked);
    }

    [Fact]
    public async Task A_page_holds_twenty_by_default()
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001");
        for (var i = 1; i <= 21; i++)
            await server.PostWantedOkAsync(member, WantedRequestRequests.Concert($"Wanted {i}"));

        var page = await BoardAsync(server, new { });

        Assert.Equal(20, page["nodes"]!.AsArray().Count);
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("{ wantedRequests(first: 101) { totalCount } }")]
    [InlineData("{ wantedRequests(first: -1) { totalCount } }")]
    [InlineData("{ wantedRequests(after: \"garbage\") { totalCount } }")]
    [InlineData("{ wantedRequests(after: \"MTIzNA\") { totalCount } }")]
    public async Task Impossible_paging_is_bad_user_input(string query)
    {
        await using var server = await PlatformServer.StartAsync();

        Assert.Equal("BAD_USER_INPUT", (await server.PostAsync(query)).FirstErrorCode);
    }

    private static async Task<JsonNode> BoardAsync(PlatformServer server, object variables) =>
        (await server.PostAsync(Board, variables)).Ok()["wantedRequests"]!;

    private static List<string> Keywords(JsonNode page) =>
        page["nodes"]!.AsArray().Select(node => node!["keywords"]!.GetValue<string>()).ToList();
}
