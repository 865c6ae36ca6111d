using ETicket.Tests.Infrastructure;
using ETicket.Tests.Limits;

namespace ETicket.Tests.Querying;

/// <summary>
/// A filter's size and nesting are bounded before anything is built from it: an outside probe ended
/// the process with one anonymous request of 7,000 `or` elements (a stack overflow in EF Core's
/// translation), and 1,000 to 6,000 gave INTERNAL_SERVER_ERROR on SQLite (its expression depth limit).
/// </summary>
public sealed class FilterBoundsTests
{
    private const string Page = "query($where: ListingFilterInput) { listings(first: 100, where: $where) { totalCount nodes { title } } }";

    private static Dictionary<string, object> Condition(string title) => new() { ["title"] = new Dictionary<string, object> { ["eq"] = title } };

    private static object[] Conditions(int count) => [.. Enumerable.Range(0, count).Select(i => Condition("t" + i))];

    public static TheoryData<string, object> TooLarge => new()
    {
        { "7,000 or", new Dictionary<string, object> { ["or"] = Conditions(7000) } },
        { "7,000 and", new Dictionary<string, object> { ["and"] = Conditions(7000) } },
        { "7,000 empty or elements", new Dictionary<string, object> { ["or"] = Enumerable.Repeat(new Dictionary<string, object>(), 7000).ToArray() } },
        { "2,000 or (SQLite's depth limit)", new Dictionary<string, object> { ["or"] = Conditions(2000) } },
        { "one term over", new Dictionary<string, object> { ["or"] = Conditions(100), ["city"] = new Dictionary<string, object> { ["eq"] = "上海" } } },
        { "20,000 in values", new Dictionary<string, object> { ["city"] = new Dictionary<string, object> { ["in"] = Enumerable.Range(0, 20_000).Select(i => "c" + i).ToArray() } } },
        { "small lists, many of them", new Dictionary<string, object> { ["or"] = Enumerable.Repeat(new Dictionary<string, object> { ["and"] = Conditions(9) }, 25).ToArray() } },
    };

    [Theory, MemberData(nameof(TooLarge))]
    public async Task A_filter_over_the_term_budget_is_QUERY_TOO_COMPLEX_and_the_server_lives_on(string _, object where)
    {
        await using var server = await PlatformServer.StartAsync();

        var refused = LimitAssert.Refused(await server.PostAsync(Page, new { where }));

        Assert.Equal(200, refused["maxFilterTerms"]!.GetValue<int>());
        Assert.Equal(0, (await server.PostAsync("{ listings { totalCount } }")).Ok()["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_QUERY_TOO_COMPLEX()
    {
        await using var server = await PlatformServer.StartAsync();
        object where = Condition("deep");
        for (var level = 0; level < 6; level++)
            where = new Dictionary<string, object> { [level % 2 == 0 ? "or" : "and"] = new[] { where } };

        var refused = LimitAssert.Refused(await server.PostAsync(Page, new { where }));

        Assert.Equal(5, refused["maxFilterNesting"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_limits_are_configurable()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxFilterTerms", 4), ("MaxFilterNesting", 1)));

        Assert.Equal(0, (await server.PostAsync(Page, new { where = new { or = Conditions(2) } })).Ok()["listings"]!["totalCount"]!.GetValue<int>());
        LimitAssert.Refused(await server.PostAsync(Page, new { where = new { or = Conditions(3) } }));
        LimitAssert.Refused(await server.PostAsync(Page, new { where = new { or = new[] { new { and = Conditions(1) } } } }));
    }

    /// <summary>The largest filters allowed run correctly on both databases: they are built shallow (balanced, `in` for statuses).</summary>
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_largest_allowed_filters_answer_on_both_databases(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("t7", 100m));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("t99", 100m));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert("other", 100m));

        // 100 alternatives: 100 `or` elements and 100 conditions, the whole budget.
        var or = await server.PostAsync(Page, new { where = new { or = Conditions(100) } });
        Assert.Equal(2, or.Ok()["listings"]!["totalCount"]!.GetValue<int>());

        // Nested as deep as allowed, and a status `in` repeated to the budget's end.
        object nested = new Dictionary<string, object> { ["or"] = Conditions(10) };
        for (var level = 1; level < 4; level++)
            nested = new Dictionary<string, object> { [level % 2 == 0 ? "or" : "and"] = new[] { nested } };
        var statuses = Enumerable.Repeat("ON_SALE", 150).ToArray();
        var where = new Dictionary<string, object> { ["and"] = new[] { nested }, ["status"] = new { @in = statuses } };
        var deep = await server.PostAsync(Page, new { where });
        Assert.Equal(["t7"], deep.Ok()["listings"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_order_longer_than_the_sortable_fields_is_BAD_USER_INPUT()
    {
        await using var server = await PlatformServer.StartAsync();
        var order = Enumerable.Repeat(new { price = "ASC" }, 10_000).ToArray();

        var response = await server.PostAsync("query($order: [ListingSortInput!]) { listings(order: $order) { totalCount } }", new { order });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("10000 elements", response.Errors![0]!["message"]!.GetValue<string>());
    }

    /// <summary>Texts that reach the SQL are no longer than what they are compared with (SQLite refuses LIKE patterns over 50,000 bytes).</summary>
    [Theory]
    [InlineData("query($t: String) { listings(where: { title: { contains: $t } }) { totalCount } }")]
    [InlineData("query($t: String) { listings(where: { city: { in: [\"上海\", $t] } }) { totalCount } }")]
    [InlineData("query($t: String) { listings(after: $t) { totalCount } }")]
    [InlineData("query($t: String) { wantedRequests(city: $t) { totalCount } }")]
    public async Task Texts_longer_than_anything_they_could_match_are_BAD_USER_INPUT(string query)
    {
        await using var server = await PlatformServer.StartAsync();

        var response = await server.PostAsync(query, new { t = new string('演', 60_000) });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }
}
