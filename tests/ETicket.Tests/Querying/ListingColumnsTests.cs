using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Querying;

/// <summary>
/// A market page loads only the listing columns its answer shows (ListingSelection), through a
/// compiled query kept per shape (ListingKeysetSource): neither may change an answer.
/// </summary>
public sealed class ListingColumnsTests
{
    private const string EveryField = """
        fragment Everything on Listing {
          __typename id category title description country city venue startsAt endsAt seat
          faceValue price status imageUrls publishedAt ticketCode seller { id nickname }
        }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_page_reads_only_the_columns_its_answer_shows(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "Seller");
        await server.SeedAsync(seller.Id, 3, i => ListingSeeds.Concert($"C{i}", 100m + i, startsAt: DateTimeOffset.UtcNow.AddDays(1 + i)));

        server.SqlCommands.Reset();
        var nodes = (await server.PostAsync(
            "{ listings(first: 2, order: [{ startsAt: ASC }]) { nodes { title price seller { nickname } } pageInfo { endCursor } } }")).Ok()["listings"]!["nodes"]!.AsArray();

        Assert.Equal(["C0", "C1"], nodes.Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal("100.00", nodes[0]!["price"]!.GetValue<string>());
        Assert.Equal("Seller", nodes[0]!["seller"]!["nickname"]!.GetValue<string>());
        var page = Assert.Single(server.SqlCommands.Commands, c => c.Contains("Listings", StringComparison.Ordinal));
        foreach (var shown in new[] { "Title", "Price", "SellerId", "StartsAt" })
            Assert.Contains(shown, page);
        foreach (var notShown in new[] { "Venue", "City", "ImageUrls", "FaceValue", "TicketCodeHash", "Description", "PublishedAt" })
            Assert.DoesNotContain(notShown, page);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Every_field_of_a_listing_on_a_page_is_what_the_listing_itself_says(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "Seller");
        var ids = await server.SeedAsync(seller.Id, 2, i => ListingSeeds.Concert($"C{i}", 100m + i));
        await server.SeedAsync(seller.Id, 1, _ => ListingSeeds.Voucher("V", 30m));

        foreach (var id in ids)
        {
            // Through nodes, through edges, through a fragment and inline: the seller sees the ticket codes too.
            var data = (await server.PostAsync(EveryField + """
                query($id: ID!) {
                  listing(id: $id) { ...Everything }
                  listings(first: 10) { nodes { ...Everything } edges { node { ... on Listing { ...Everything } } } }
                }
                """, new { id }, seller.AccessToken)).Ok();

            var expected = data["listing"]!.ToJsonString();
            Assert.Contains("\"ticketCode\":\"", expected);
            Assert.Equal(expected, data["listings"]!["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == id)!.ToJsonString());
            Assert.Equal(expected, data["listings"]!["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["id"]!.GetValue<string>() == id).ToJsonString());
        }
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Pages_of_one_shape_answer_each_with_their_own_values(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 3, i => ListingSeeds.Concert($"SH{i}", 100m + i, city: "上海"));
        await server.SeedAsync(seller.Id, 2, i => ListingSeeds.Concert($"BJ{i}", 200m + i, city: "北京"));
        const string query = """
            query($city: String, $min: Decimal, $after: String) {
              listings(first: 2, after: $after, where: { city: { eq: $city }, price: { gte: $min } }, order: [{ price: ASC }]) {
                nodes { title }
                pageInfo { endCursor hasNextPage }
              }
            }
            """;

        async Task<(List<string> Titles, string? End, bool More)> PageAsync(string city, string min, string? after = null)
        {
            var listings = (await server.PostAsync(query, new { city, min, after })).Ok()["listings"]!;
            return ([.. listings["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>())],
                listings["pageInfo"]!["endCursor"]?.GetValue<string>(), listings["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        }

        var shanghai = await PageAsync("上海", "100");
        Assert.Equal(["SH0", "SH1"], shanghai.Titles);
        Assert.True(shanghai.More);
        var next = await PageAsync("上海", "100", shanghai.End);
        Assert.Equal(["SH2"], next.Titles);
        Assert.False(next.More);
        Assert.Equal(["BJ1"], (await PageAsync("北京", "201")).Titles);
        Assert.Equal(["SH1", "SH2"], (await PageAsync("上海", "101")).Titles);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_filter_with_more_values_than_a_compiled_query_takes_still_answers(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        await server.SeedAsync(seller.Id, 3, i => ListingSeeds.Concert($"T{i}", 100m + i));
        // Twenty title conditions: twenty values, over the fifteen of an EF Core compiled query.
        var titles = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"{{ title: {{ eq: \"T{i}\" }} }}"));

        var nodes = (await server.PostAsync($"{{ listings(where: {{ or: [{titles}] }}, order: [{{ title: DESC }}]) {{ nodes {{ title }} }} }}")).Ok()["listings"]!["nodes"]!;

        Assert.Equal(["T2", "T1", "T0"], nodes.AsArray().Select(n => n!["title"]!.GetValue<string>()));
    }
}
