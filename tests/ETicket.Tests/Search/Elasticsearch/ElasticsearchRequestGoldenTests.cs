using ETicket.Domain.Listings;
using ETicket.Search;
using ETicket.Search.Elasticsearch;
using static ETicket.Tests.Search.Elasticsearch.ElasticsearchTestData;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>The exact requests the backend sends, pinned by golden files in Golden/.</summary>
public sealed class ElasticsearchRequestGoldenTests
{
    private const string NewIndex = "eticket-listings-v2-20261206043000123";
    private const string OldIndex = "eticket-listings-v1-20261101000000000";

    [Fact]
    public async Task A_rebuild_with_smartcn_creates_the_index_writes_in_bulk_swaps_the_alias_atomically_and_drops_the_old_index()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, SmartcnTokens)
            .Answer(200, $$"""{"acknowledged":true,"shards_acknowledged":true,"index":"{{NewIndex}}"}""")
            .Answer(200, BulkAllCreated)
            .Answer(200, """{"_shards":{"total":2,"successful":1,"failed":0}}""")
            .Answer(200, "{\"" + OldIndex + "\":" + """{"aliases":{"eticket-listings":{}}}}""")
            .Answer(200, Acknowledged)
            .Answer(200, Acknowledged);

        await cluster.Index().RebuildAsync(new[] { Concert(), Voucher() }.ToAsyncEnumerable(), new RebuiltIndex(41, 41), TestContext.Current.CancellationToken);

        Assert.Equal(
            ["POST /_analyze", $"PUT /{NewIndex}", "POST /_bulk", $"POST /{NewIndex}/_refresh", "GET /_alias/eticket-listings", "POST /_aliases", $"DELETE /{OldIndex}"],
            cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
        GoldenJson.Matches("analyze-smartcn.json", cluster.Requests[0].Body);
        GoldenJson.Matches("create-index-smartcn.json", cluster.Requests[1].Body);
        GoldenJson.Matches("bulk-rebuild.json", cluster.Requests[2].Body);
        GoldenJson.Matches("alias-swap.json", cluster.Requests[5].Body);
        Assert.True(cluster.AllAnswered);
    }

    [Fact]
    public async Task Without_the_smartcn_plugin_the_index_uses_cjk_and_a_first_build_only_adds_the_alias()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(400, UnknownTokenizer)
            .Answer(200, Acknowledged)
            .Answer(200, """{"took":1,"errors":false,"items":[{"index":{"_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","status":201}}]}""")
            .Answer(200, """{"_shards":{"total":2,"successful":1,"failed":0}}""")
            .Answer(404, """{"error":"alias [eticket-listings] missing","status":404}""")
            .Answer(200, Acknowledged);

        await cluster.Index().RebuildAsync(new[] { Concert() }.ToAsyncEnumerable(), new RebuiltIndex(0, 0), TestContext.Current.CancellationToken);

        GoldenJson.Matches("create-index-cjk.json", cluster.Requests[1].Body);
        GoldenJson.Matches("alias-add.json", cluster.Requests[5].Body);
        Assert.Equal(6, cluster.Requests.Count); // nothing to delete
    }

    [Fact]
    public async Task Writes_go_through_the_alias_in_bulk_with_the_listing_version_as_external_version()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, BulkAllCreated);

        await cluster.Index().WriteAsync([Concert(), Voucher()], TestContext.Current.CancellationToken);

        Assert.Equal("POST /_bulk", $"{cluster.Requests[0].Method} {cluster.Requests[0].Path}");
        GoldenJson.Matches("bulk-write.json", cluster.Requests[0].Body);
    }

    [Fact]
    public async Task A_search_with_words_every_filter_a_price_sort_and_a_cursor_sends_query_post_filter_aggregations_search_after_and_the_repricing_bound()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.EmptySearch);
        var query = Query(ListingSearchSort.PriceAsc, ["周杰伦", "\"and\"", "(or)*?:"], [TicketCategory.Concert, TicketCategory.Show], "北京",
            new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.FromHours(8)),
            100.005m, 2000m, first: 20, after: new SearchCursor(ListingSearchSort.PriceAsc, null, 128050, "01938f5e7a2b7c3d8e9f0a1b2c3d4e01", Now.AddMinutes(-5)));

        await cluster.Index().SearchAsync(query, TestContext.Current.CancellationToken);

        Assert.Equal("POST /eticket-listings/_search", $"{cluster.Requests[0].Method} {cluster.Requests[0].Path}");
        GoldenJson.Matches("search-filters-price-asc.json", cluster.Requests[0].Body);
    }

    [Fact]
    public async Task A_relevance_search_after_a_cursor_pages_on_the_score_tier_the_publication_time_and_the_id()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.EmptySearch);
        var publishedAt = Concert().PublishedAt;
        var query = Query(ListingSearchSort.Relevance, ["杰伦"], first: 10,
            after: new SearchCursor(ListingSearchSort.Relevance, 2f, publishedAt.UtcTicks, "01938f5e7a2b7c3d8e9f0a1b2c3d4e01"));

        await cluster.Index().SearchAsync(query, TestContext.Current.CancellationToken);

        GoldenJson.Matches("search-relevance-after.json", cluster.Requests[0].Body);
    }

    [Fact]
    public async Task A_search_by_start_time_after_a_listing_without_one_pages_among_those_without_one()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.EmptySearch);
        var query = Query(ListingSearchSort.StartsAtAsc, categories: [TicketCategory.Food], first: 5,
            after: new SearchCursor(ListingSearchSort.StartsAtAsc, null, long.MaxValue, "01938f5e7a2b7c3d8e9f0a1b2c3d4e02"));

        await cluster.Index().SearchAsync(query, TestContext.Current.CancellationToken);

        GoldenJson.Matches("search-starts-at-after-missing.json", cluster.Requests[0].Body);
    }

    [Fact]
    public async Task A_checkpoint_is_recorded_in_the_mapping_meta_of_the_index_read_behind_the_alias()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, Mapping(NewIndex, ListingIndexMapping.Version, "smartcn", 41))
            .Answer(200, Acknowledged);

        await cluster.Index().SaveCheckpointAsync(57, null, TestContext.Current.CancellationToken);

        // To the index read, not the alias: had a rebuild moved the alias meanwhile, the old meta would land on the new index.
        Assert.Equal(["GET /eticket-listings/_mapping", $"PUT /{NewIndex}/_mapping"], cluster.Requests.Select(r => $"{r.Method} {r.Path}"));
        GoldenJson.Matches("checkpoint.json", cluster.Requests[1].Body);
    }
}
