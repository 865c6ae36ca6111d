using ETicket.Domain.Listings;
using ETicket.Search;
using ETicket.Search.Elasticsearch;
using static ETicket.Tests.Search.Elasticsearch.ElasticsearchTestData;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>How the backend reads Elasticsearch's answers, errors included: a clear error or a retry, never a wrong page.</summary>
public sealed class ElasticsearchResponseTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_has_the_first_hits_their_cursors_a_next_page_when_one_more_came_the_total_and_facets_by_count_then_value()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.RelevancePage);

        var page = await cluster.Index().SearchAsync(Query(words: ["杰伦"], first: 2), Cancel);

        Assert.Equal(["01938f5e7a2b7c3d8e9f0a1b2c3d4e07", "01938f5e7a2b7c3d8e9f0a1b2c3d4e03"], page.Hits.Select(h => h.ListingId));
        var publishedTicks = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).UtcTicks + 5000; // + 500 µs
        Assert.Equal(new SearchCursor(ListingSearchSort.Relevance, 2f, publishedTicks, "01938f5e7a2b7c3d8e9f0a1b2c3d4e07"), page.Hits[0].Cursor);
        Assert.Equal(new SearchCursor(ListingSearchSort.Relevance, 1f, publishedTicks, "01938f5e7a2b7c3d8e9f0a1b2c3d4e03"), page.Hits[1].Cursor);
        Assert.True(page.HasNextPage);
        Assert.Equal(57, page.TotalCount);
        Assert.Equal([new(TicketCategory.Concert, 40), new(TicketCategory.Food, 15), new(TicketCategory.Show, 15)], page.CategoryCounts);
        Assert.Equal([new("北京", 30), new("上海", 20), new("Shenzhen", 11)], page.CityCounts);
    }

    [Fact]
    public async Task A_listing_without_a_start_time_gets_the_cursor_key_that_sorts_last_and_a_full_last_page_has_no_next()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.StartsAtPage);

        var page = await cluster.Index().SearchAsync(Query(ListingSearchSort.StartsAtAsc, first: 2), Cancel);

        Assert.Equal(Concert().StartsAt!.Value.UtcTicks, page.Hits[0].Cursor.Key);
        Assert.Equal(new SearchCursor(ListingSearchSort.StartsAtAsc, null, long.MaxValue, "01938f5e7a2b7c3d8e9f0a1b2c3d4e02"), page.Hits[1].Cursor);
        Assert.False(page.HasNextPage);
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task A_cursor_read_from_a_page_is_sent_back_as_the_same_sort_values()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.RelevancePage).Answer(200, ElasticsearchResponses.EmptySearch);
        var index = cluster.Index();

        var page = await index.SearchAsync(Query(words: ["杰伦"], first: 2), Cancel);
        var cursor = SearchCursor.Decode(page.Hits[^1].Cursor.Encode(), ListingSearchSort.Relevance);
        await index.SearchAsync(Query(words: ["杰伦"], first: 2, after: cursor), Cancel);

        var sent = GoldenJson.Parse(cluster.Requests[1].Body!)!["search_after"]!.ToJsonString();
        Assert.Equal("[1,1796119200000500000,\"01938f5e7a2b7c3d8e9f0a1b2c3d4e03\"]", sent);
    }

    [Fact]
    public async Task A_missing_index_is_a_clear_error()
    {
        var cluster = new ScriptedElasticsearch().Answer(404, IndexNotFound);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(), Cancel));

        Assert.Contains("does not exist", error.Message);
        Assert.Contains("index_not_found_exception", error.Message);
    }

    [Fact]
    public async Task Overload_is_retried_and_then_answers()
    {
        var cluster = new ScriptedElasticsearch().Answer(429, TooManyRequests).Answer(200, ElasticsearchResponses.StartsAtPage);

        var page = await cluster.Index().SearchAsync(Query(ListingSearchSort.StartsAtAsc), Cancel);

        Assert.Equal(2, cluster.Requests.Count);
        Assert.Equal(cluster.Requests[0], cluster.Requests[1]);
        Assert.Equal(2, page.Hits.Count);
    }

    [Fact]
    public async Task An_unavailable_cluster_is_tried_three_times_then_a_clear_error()
    {
        var cluster = new ScriptedElasticsearch().Answer(503, Unavailable).Answer(503, Unavailable).Answer(503, Unavailable);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(), Cancel));

        Assert.Equal(3, cluster.Requests.Count);
        Assert.Contains("after 3 tries", error.Message);
        Assert.Contains("cluster_block_exception", error.Message);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried_then_a_clear_error()
    {
        var cluster = new ScriptedElasticsearch().NoAnswer().NoAnswer().NoAnswer();

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(), Cancel));

        Assert.Equal(3, cluster.Requests.Count);
        Assert.Contains("no answer", error.Message);
    }

    [Fact]
    public async Task A_search_that_timed_out_inside_Elasticsearch_is_an_error_not_a_partial_page()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.TimedOut);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(), Cancel));

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task A_failed_shard_is_an_error_not_a_partial_page()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.ShardFailed);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(), Cancel));

        Assert.Contains("shard", error.Message);
    }

    [Fact]
    public async Task A_hit_whose_sort_values_are_not_this_searchs_is_an_error()
    {
        // A RELEVANCE answer read as a PRICE_ASC page: three sort values where two are expected.
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.RelevancePage);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().SearchAsync(Query(ListingSearchSort.PriceAsc), Cancel));
    }

    [Fact]
    public async Task A_version_conflict_in_bulk_is_an_older_write_and_is_done()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.BulkWithConflictOnly);

        await cluster.Index().WriteAsync([Concert(), Voucher()], Cancel);

        Assert.Single(cluster.Requests);
    }

    [Fact]
    public async Task A_bulk_item_rejected_for_another_reason_fails_the_write_naming_the_listing_and_the_reason()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, ElasticsearchResponses.BulkWithConflictAndRejection);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(
            () => cluster.Index().WriteAsync([Concert("01938f5e7a2b7c3d8e9f0a1b2c3d4e01"), Voucher("01938f5e7a2b7c3d8e9f0a1b2c3d4e02"), Concert("01938f5e7a2b7c3d8e9f0a1b2c3d4e03")], Cancel));

        Assert.Contains("refused 1 of 3", error.Message);
        Assert.Contains("01938f5e7a2b7c3d8e9f0a1b2c3d4e03", error.Message);
        Assert.Contains("document_parsing_exception", error.Message);
        Assert.DoesNotContain("01938f5e7a2b7c3d8e9f0a1b2c3d4e02", error.Message);
    }

    [Fact]
    public async Task A_bulk_item_rejected_for_overload_is_sent_again_alone()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, ElasticsearchResponses.BulkWithOneOverloaded)
            .Answer(200, """{"took":3,"errors":false,"items":[{"index":{"_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e02","_version":1,"result":"created","status":201}}]}""");

        await cluster.Index().WriteAsync([Concert(), Voucher()], Cancel);

        var resent = GoldenJson.Parse(cluster.Requests[1].Body!)!.AsArray();
        Assert.Equal(2, resent.Count);
        Assert.Equal("01938f5e7a2b7c3d8e9f0a1b2c3d4e02", (string?)resent[0]!["index"]!["_id"]);
    }

    [Fact]
    public async Task A_bulk_refused_whole_is_an_error()
    {
        var cluster = new ScriptedElasticsearch().Answer(404, IndexNotFound);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().WriteAsync([Concert()], Cancel));

        Assert.Contains("index_not_found_exception", error.Message);
    }

    [Fact]
    public async Task A_rebuild_whose_bulk_fails_deletes_its_new_index_and_leaves_the_alias_alone()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, SmartcnTokens)
            .Answer(200, Acknowledged)
            .Answer(200, ElasticsearchResponses.BulkWithConflictAndRejection)
            .Answer(200, "{\"eticket-listings-v1-20261101000000000\":{\"aliases\":{\"eticket-listings\":{}}}}")
            .Answer(200, Acknowledged);

        await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().RebuildAsync(
            new[] { Concert("01938f5e7a2b7c3d8e9f0a1b2c3d4e01"), Voucher("01938f5e7a2b7c3d8e9f0a1b2c3d4e02"), Concert("01938f5e7a2b7c3d8e9f0a1b2c3d4e03") }.ToAsyncEnumerable(), new RebuiltIndex(5, 5), Cancel));

        Assert.Equal("DELETE /eticket-listings-v2-20261206043000123", $"{cluster.Requests[^1].Method} {cluster.Requests[^1].Path}");
        Assert.DoesNotContain(cluster.Requests, r => r.Path.Contains("_aliases"));
    }

    [Fact]
    public async Task A_rebuild_whose_alias_move_was_applied_though_its_answer_was_lost_keeps_the_new_index()
    {
        const string newIndex = "eticket-listings-v2-20261206043000123";
        var cluster = new ScriptedElasticsearch()
            .Answer(200, SmartcnTokens)
            .Answer(200, Acknowledged)
            .Answer(200, """{"took":1,"errors":false,"items":[]}""")
            .Answer(200, """{"_shards":{"total":2,"successful":1,"failed":0}}""")
            .Answer(200, "{\"eticket-listings-v1-20261101000000000\":{\"aliases\":{\"eticket-listings\":{}}}}")
            .NoAnswer() // the move was applied, its answer lost
            .Answer(404, """{"error":{"type":"aliases_not_found_exception","reason":"aliases [eticket-listings] missing"},"status":404}""")
            .Answer(200, "{\"" + newIndex + "\":{\"aliases\":{\"eticket-listings\":{}}}}");

        await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().RebuildAsync(new[] { Concert() }.ToAsyncEnumerable(), new RebuiltIndex(5, 5), Cancel));

        Assert.DoesNotContain(cluster.Requests, r => r.Method == "DELETE");
        Assert.True(cluster.AllAnswered);
    }

    [Fact]
    public async Task Without_an_alias_the_index_is_missing()
    {
        var cluster = new ScriptedElasticsearch().Answer(404, IndexNotFound);

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Missing, null), await cluster.Index().InspectAsync(Cancel));
    }

    [Fact]
    public async Task An_index_of_this_mapping_version_and_analysis_is_ready_with_its_checkpoint()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "smartcn", 41)).Answer(200, SmartcnTokens);

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 41), await cluster.Index().InspectAsync(Cancel));
    }

    [Fact]
    public async Task An_index_of_an_older_mapping_version_is_outdated()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, Mapping("eticket-listings-v0-x", 0, "smartcn", 41)).Answer(200, SmartcnTokens);

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Outdated, 41), await cluster.Index().InspectAsync(Cancel));
    }

    [Fact]
    public async Task An_index_built_with_cjk_is_outdated_once_smartcn_is_installed()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "cjk", null)).Answer(200, SmartcnTokens);

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Outdated, null), await cluster.Index().InspectAsync(Cancel));
    }

    [Fact]
    public async Task An_index_without_this_backends_meta_is_corrupt()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, """{"eticket-listings-v1-x":{"mappings":{"properties":{}}}}""");

        Assert.Equal(SearchIndexHealth.Corrupt, (await cluster.Index().InspectAsync(Cancel)).Health);
    }

    [Fact]
    public async Task A_checkpoint_never_moves_back()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "smartcn", 60));

        await cluster.Index().SaveCheckpointAsync(57, null, Cancel);

        Assert.Single(cluster.Requests);
    }

    [Fact]
    public async Task The_rebuild_that_made_the_index_is_read_from_its_meta()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "smartcn", 63, new RebuiltIndex(41, 1041)))
            .Answer(200, SmartcnTokens);

        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 63, new RebuiltIndex(41, 1041)), await cluster.Index().InspectAsync(Cancel));
    }

    [Fact]
    public async Task A_checkpoint_for_an_index_another_process_has_since_rebuilt_is_not_recorded()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, Mapping("eticket-listings-v2-new", ListingIndexMapping.Version, "smartcn", 2000, new RebuiltIndex(2000, 3000)));

        Assert.False(await cluster.Index().SaveCheckpointAsync(2500, new RebuiltIndex(41, 1041), Cancel));

        Assert.Single(cluster.Requests); // read, and nothing written
    }

    [Fact]
    public async Task A_checkpoint_for_the_index_followed_is_recorded()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(200, Mapping("eticket-listings-v2-new", ListingIndexMapping.Version, "smartcn", 2000, new RebuiltIndex(2000, 3000)))
            .Answer(200, Acknowledged);

        Assert.True(await cluster.Index().SaveCheckpointAsync(2500, new RebuiltIndex(2000, 3000), Cancel));

        Assert.Equal(2500, (long?)GoldenJson.Parse(cluster.Requests[1].Body!)!["_meta"]!["checkpoint"]);
        Assert.Equal(3000, (long?)GoldenJson.Parse(cluster.Requests[1].Body!)!["_meta"]!["rebuiltThrough"]);
    }

    [Fact]
    public async Task A_cluster_that_cannot_say_which_analysis_it_has_is_an_error_not_a_guess()
    {
        var cluster = new ScriptedElasticsearch().Answer(401, """{"error":{"type":"security_exception","reason":"missing authentication credentials"},"status":401}""");

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().DetectChineseAnalysisAsync(Cancel));

        Assert.Contains("security_exception", error.Message);
    }
}
