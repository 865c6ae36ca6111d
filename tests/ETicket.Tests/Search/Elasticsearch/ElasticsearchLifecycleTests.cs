using ETicket.Search;
using ETicket.Search.Elasticsearch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static ETicket.Tests.Search.Elasticsearch.ElasticsearchTestData;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>Index lifecycle details beyond the golden requests.</summary>
public sealed class ElasticsearchLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rebuild_writes_in_batches_of_a_thousand()
    {
        var documents = Enumerable.Range(1, 1001).Select(n => Concert($"01938f5e7a2b7c3d8e9f0a1b2c{n:x6}")).ToList();
        var cluster = new ScriptedElasticsearch()
            .Answer(200, SmartcnTokens)
            .Answer(200, Acknowledged)
            .Answer(200, """{"took":90,"errors":false,"items":[]}""")
            .Answer(200, """{"took":1,"errors":false,"items":[]}""")
            .Answer(200, """{"_shards":{"total":2,"successful":1,"failed":0}}""")
            .Answer(404, """{"error":"alias [eticket-listings] missing","status":404}""")
            .Answer(200, Acknowledged);

        await cluster.Index().RebuildAsync(documents.ToAsyncEnumerable(), new RebuiltIndex(3, 3), Cancel);

        var bulks = cluster.Requests.Where(r => r.Path == "/_bulk").Select(r => GoldenJson.Parse(r.Body!)!.AsArray().Count / 2).ToList();
        Assert.Equal([1000, 1], bulks);
        Assert.True(cluster.AllAnswered);
    }

    [Fact]
    public async Task Writes_through_the_alias_require_it_so_a_missing_index_is_an_error_not_a_new_index()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, """
            {"took":1,"errors":true,"items":[{"index":{"_index":"eticket-listings","_id":"01938f5e7a2b7c3d8e9f0a1b2c3d4e01","status":404,
              "error":{"type":"index_not_found_exception","reason":"no such index [eticket-listings] and [require_alias] request flag is [true] and [eticket-listings] is not an alias","index":"eticket-listings"}}}]}
            """);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().WriteAsync([Concert()], Cancel));

        Assert.Contains("index_not_found_exception", error.Message);
        Assert.Equal(true, (bool?)GoldenJson.Parse(cluster.Requests[0].Body!)![0]!["index"]!["require_alias"]);
    }

    [Fact]
    public async Task The_chinese_analysis_is_asked_once()
    {
        var cluster = new ScriptedElasticsearch()
            .Answer(400, UnknownTokenizer)
            .Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "cjk", 4))
            .Answer(200, Mapping("eticket-listings-v2-x", ListingIndexMapping.Version, "cjk", 4));
        var index = cluster.Index();

        Assert.Equal(ChineseAnalysis.Cjk, await index.DetectChineseAnalysisAsync(Cancel));
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 4), await index.InspectAsync(Cancel));
        Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 4), await index.InspectAsync(Cancel));

        Assert.Single(cluster.Requests, r => r.Path == "/_analyze");
    }

    [Theory]
    [InlineData(200, SmartcnTokens, "analysis-smartcn plugin: Chinese is split into dictionary words (smartcn)")]
    [InlineData(400, UnknownTokenizer, "no analysis-smartcn plugin: Chinese is split into bigrams (cjk)")]
    public async Task The_chinese_analysis_found_is_logged(int status, string answer, string logged)
    {
        var logs = new FakeLogger<ElasticsearchListingIndex>();

        await new ScriptedElasticsearch().Answer(status, answer).Index(logs).DetectChineseAnalysisAsync(Cancel);

        Assert.Contains(logged, logs.LatestRecord.Message);
        Assert.Equal(LogLevel.Information, logs.LatestRecord.Level);
    }

    [Fact]
    public async Task An_alias_over_two_indices_is_an_error()
    {
        var cluster = new ScriptedElasticsearch().Answer(200, """
            {"eticket-listings-v1-a":{"mappings":{"_meta":{"mappingVersion":1}}},"eticket-listings-v1-b":{"mappings":{"_meta":{"mappingVersion":1}}}}
            """);

        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => cluster.Index().InspectAsync(Cancel));

        Assert.Contains("points to 2 indices", error.Message);
    }

    [Fact]
    public void Settings_that_cannot_work_do_not_make_a_connection()
    {
        var error = Assert.Throws<ArgumentException>(() => new ElasticsearchConnection(new() { Url = "ftp://search.example" }));

        Assert.Contains("Url must be an absolute http or https address", error.Message);
    }
}
