using System.Text.Json.Nodes;
using ETicket.Search;
using static ETicket.Tests.Search.Elasticsearch.ElasticsearchTestData;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>Every sort's order and the search_after it pages with, each ending on the listing id.</summary>
public sealed class ElasticsearchSortTests
{
    private const string Id = "01938f5e7a2b7c3d8e9f0a1b2c3d4e01";

    /// <summary>2027-01-15T11:30:00Z in ticks; 1800012600000000000 in nanoseconds since 1970.</summary>
    private const long Ticks = 639356094000000000;

    [Theory]
    [InlineData(ListingSearchSort.Relevance, 1.0f, Ticks,
        """[{"_score":"desc"},{"publishedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""", """[1,1800012600000000000,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]""")]
    [InlineData(ListingSearchSort.StartsAtAsc, null, Ticks,
        """[{"startsAt":{"order":"asc","missing":"_last"}},{"listingId":{"order":"asc"}}]""", """[1800012600000000000,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]""")]
    [InlineData(ListingSearchSort.PriceAsc, null, 128050L,
        """[{"priceCents":{"order":"asc"}},{"listingId":{"order":"asc"}}]""", """[128050,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]""")]
    [InlineData(ListingSearchSort.PriceDesc, null, 128050L,
        """[{"priceCents":{"order":"desc"}},{"listingId":{"order":"asc"}}]""", """[128050,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]""")]
    [InlineData(ListingSearchSort.Newest, null, Ticks,
        """[{"publishedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""", """[1800012600000000000,"01938f5e7a2b7c3d8e9f0a1b2c3d4e01"]""")]
    public async Task Each_sort_orders_by_its_value_then_the_id_and_pages_after_the_cursors_values(
        ListingSearchSort sort, float? score, long key, string expectedSort, string expectedSearchAfter)
    {
        Assert.Equal(Ticks, new DateTimeOffset(2027, 1, 15, 11, 30, 0, TimeSpan.Zero).UtcTicks);
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.EmptySearch).Answer(200, ElasticsearchResponses.EmptySearch);
        var index = cluster.Index();

        await index.SearchAsync(Query(sort), TestContext.Current.CancellationToken);
        await index.SearchAsync(Query(sort, after: new SearchCursor(sort, score, key, Id)), TestContext.Current.CancellationToken);

        var first = GoldenJson.Parse(cluster.Requests[0].Body!)!;
        var next = GoldenJson.Parse(cluster.Requests[1].Body!)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedSort), first["sort"]), first["sort"]!.ToJsonString());
        Assert.Null(first["search_after"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedSearchAfter), next["search_after"]), next["search_after"]!.ToJsonString());
    }

    [Fact]
    public async Task A_search_without_a_categories_or_city_filter_has_no_post_filter_and_counts_both_facets_over_every_match()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.EmptySearch);

        await cluster.Index().SearchAsync(Query(ListingSearchSort.Newest), TestContext.Current.CancellationToken);

        var body = GoldenJson.Parse(cluster.Requests[0].Body!)!;
        Assert.Null(body["post_filter"]);
        Assert.Equal("""{"match_all":{}}""", body["aggs"]!["categoryCounts"]!["filter"]!.ToJsonString());
        Assert.Equal("""{"match_all":{}}""", body["aggs"]!["cityCounts"]!["filter"]!.ToJsonString());
        Assert.Null(body["query"]!["bool"]!["must"]); // no words: every listing on sale is a match
    }
}

/// <summary>A cursor that decodes but holds a time date_nanos cannot: bad input before any request.</summary>
public sealed class ElasticsearchCursorBoundsTests
{
    [Theory]
    [InlineData(ListingSearchSort.Newest, 9223372036854775806L)]
    [InlineData(ListingSearchSort.StartsAtAsc, 0L)]
    [InlineData(ListingSearchSort.Relevance, -5L)]
    public async Task A_cursor_time_outside_date_nanos_is_bad_input_and_nothing_is_sent(ListingSearchSort sort, long key)
    {
        var cluster = new ScriptedElasticsearch();
        var cursor = SearchCursor.Decode(new SearchCursor(sort, sort == ListingSearchSort.Relevance ? 1f : null, key, "01938f5e7a2b7c3d8e9f0a1b2c3d4e01").Encode(), sort);

        var error = await Assert.ThrowsAsync<ETicket.Domain.Common.BadInputException>(
            () => cluster.Index().SearchAsync(Query(sort, after: cursor), TestContext.Current.CancellationToken));

        Assert.Equal("`after` is not a cursor this API gave out.", error.Message);
        Assert.Empty(cluster.Requests);
    }
}
