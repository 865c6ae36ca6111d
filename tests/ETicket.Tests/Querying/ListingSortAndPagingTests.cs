using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ETicket.Domain.Listings;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Querying;

public sealed class ListingSortAndPagingTests
{
    private const string Page = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: [ListingSortInput!]) {
          listings(first: $first, after: $after, last: $last, before: $before, order: $order) {
            totalCount
            nodes { id title price startsAt }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Several_sort_fields_apply_in_order_with_nulls_last_both_ways(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        NewListing[] inPublishingOrder =
        [
            ListingSeeds.Concert("B", 100m, startsAt: DateTimeOffset.UtcNow.AddDays(2)),
            ListingSeeds.Concert("A", 100m, startsAt: DateTimeOffset.UtcNow.AddDays(1)),
            ListingSeeds.Concert("C", 50m, startsAt: DateTimeOffset.UtcNow.AddDays(3)),
            ListingSeeds.Voucher("V", 100m),
        ];
        foreach (var listing in inPublishingOrder)
        {
            await server.SeedAsync(seller.Id, 1, _ => listing);
            // Publish times are kept to the millisecond: two seeds within one would tie, and "newest first" would fall to the ids.
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        async Task<List<string>> TitlesAsync(object order) =>
            (await server.PostAsync(Page, new { first = 10, order })).Ok()["listings"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();

        Assert.Equal(["C", "A", "B", "V"], await TitlesAsync(new object[] { new { price = "ASC" }, new { startsAt = "ASC" } }));
        Assert.Equal(["A", "B", "V", "C"], await TitlesAsync(new object[] { new { price = "DESC" }, new { title = "ASC" } }));
        Assert.Equal(["V", "B", "A", "C"], await TitlesAsync(new object[] { new { price = "DESC" }, new { title = "DESC" } }));
        Assert.Equal(["A", "B", "C", "V"], await TitlesAsync(new object[] { new { startsAt = "ASC" } }));
        Assert.Equal(["C", "B", "A", "V"], await TitlesAsync(new object[] { new { startsAt = "DESC" } }));
        Assert.Equal(["V", "C", "A", "B"], await TitlesAsync(Array.Empty<object>())); // newest first
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_thousand_listings_page_37_at_a_time_each_exactly_once_while_new_ones_arrive(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        // Ten prices, a hundred listings each, some without a start: ties and nulls everywhere.
        var existing = await server.SeedAsync(seller.Id, 1000, i => i % 7 == 0
            ? ListingSeeds.Voucher($"V{i:0000}", 10m + i % 10)
            : ListingSeeds.Concert($"C{i:0000}", 10m + i % 10, startsAt: DateTimeOffset.UtcNow.AddDays(1 + i % 13)));
        object[] order = [new { price = "DESC" }, new { startsAt = "ASC" }];

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var inserted = new ConcurrentBag<string>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                foreach (var id in await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Concert($"N{i}", 10m + i % 10, startsAt: DateTimeOffset.UtcNow.AddDays(1 + i % 13))))
                    inserted.Add(id);
        }, TestContext.Current.CancellationToken);

        var forward = await WalkAsync(server, order, backward: false);
        var backward = await WalkAsync(server, order, backward: true);
        await stop.CancelAsync();
        await writer;

        foreach (var walk in new[] { forward, backward })
        {
            var seen = walk.Where(id => !inserted.Contains(id)).ToList();
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(existing.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        }
        Assert.NotEmpty(inserted);
    }

    private static async Task<List<string>> WalkAsync(PlatformServer server, object[] order, bool backward)
    {
        var ids = new List<string>();
        string? cursor = null;
        JsonNode page;
        do
        {
            page = (await server.PostAsync(Page, backward
                ? new { last = 37, before = cursor, order } as object
                : new { first = 37, after = cursor, order })).Ok()["listings"]!;
            var nodes = page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
            Assert.InRange(nodes.Count, 0, 37);
            if (backward)
                ids.InsertRange(0, nodes);
            else
                ids.AddRange(nodes);
            var info = page["pageInfo"]!;
            Assert.Equal(cursor is not null, backward ? info["hasNextPage"]!.GetValue<bool>() : info["hasPreviousPage"]!.GetValue<bool>());
            cursor = (backward ? info["startCursor"] : info["endCursor"])?.GetValue<string>();
        }
        while ((backward ? page["pageInfo"]!["hasPreviousPage"] : page["pageInfo"]!["hasNextPage"])!.GetValue<bool>());
        return ids;
    }

    [Theory]
    [InlineData("{ listings(order: [{ price: ASC, title: DESC }]) { totalCount } }", "exactly one field")]
    [InlineData("{ listings(order: [{ }]) { totalCount } }", "exactly one field")]
    [InlineData("{ listings(order: [{ price: ASC }, { price: DESC }]) { totalCount } }", "more than once")]
    [InlineData("{ listings(first: 101) { totalCount } }", "at most 100")]
    [InlineData("{ listings(last: -1) { totalCount } }", "negative")]
    [InlineData("{ listings(first: 1, last: 1) { totalCount } }", "not both")]
    [InlineData("{ listings(after: \"not-a-cursor\") { totalCount } }", "not a cursor")]
    public async Task Impossible_requests_are_bad_user_input(string query, string message)
    {
        await using var server = await PlatformServer.StartAsync();
        var response = await server.PostAsync(query);

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains(message, response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cursor_only_works_with_the_order_it_came_from()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 3, i => ListingSeeds.Concert($"L{i}", 10m + i));
        var cursor = (await server.PostAsync(Page, new { first = 1, order = new[] { new { price = "ASC" } } })).Ok()["listings"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await server.PostAsync(Page, new { first = 1, after = cursor, order = new[] { new { title = "ASC" } } });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Contains("another order", response.Errors![0]!["message"]!.GetValue<string>());
    }
}
