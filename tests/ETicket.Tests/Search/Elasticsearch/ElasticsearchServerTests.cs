using ETicket.Domain.Listings;
using ETicket.Search;
using ETicket.Search.Elasticsearch;
using Microsoft.Extensions.Logging.Abstractions;
using static ETicket.Tests.Search.Elasticsearch.ElasticsearchTestData;
using TransportMethod = Elastic.Transport.HttpMethod;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>
/// Against a real cluster, only when ETicket__Search__Elasticsearch__Url is set (with ApiKey, or
/// Username and Password, and CertificateFingerprint beside it as needed). Each run uses its own alias
/// and deletes its index after.
/// </summary>
public sealed class ElasticsearchServerTests
{
    private const string Prefix = "ETicket__Search__Elasticsearch__";

    [Fact]
    public async Task A_built_index_finds_parts_of_names_keeps_the_newest_version_and_counts_facets()
    {
        var options = ServerOptions();
        var cancel = TestContext.Current.CancellationToken;
        var connection = new ElasticsearchConnection(options);
        var index = new ElasticsearchListingIndex(connection, options, TimeProvider.System, NullLogger<ElasticsearchListingIndex>.Instance);
        try
        {
            Assert.Equal(SearchIndexHealth.Missing, (await index.InspectAsync(cancel)).Health);
            var jay = Concert(Id(1), version: 3);
            var jj = Concert(Id(2), version: 1) with { Title = "林俊杰 JJ20 演唱会", Description = null, City = "上海" };
            var reserved = Concert(Id(3), version: 2) with { Status = ListingStatus.Reserved };
            await index.RebuildAsync(new[] { jay, jj, reserved }.ToAsyncEnumerable(), new RebuiltIndex(7, 7), cancel);
            Assert.Equal(new SearchIndexState(SearchIndexHealth.Ready, 7), await index.InspectAsync(cancel));

            // An older version written late is ignored; the newer title stays.
            await index.WriteAsync([jay with { Version = 2, Title = "旧标题" }], cancel);
            await connection.SendSuccessfulAsync(TransportMethod.POST, $"{options.Alias}/_refresh", null, "refresh", cancel);

            var partOfName = await index.SearchAsync(Query(words: ["杰伦"], first: 10), cancel);
            Assert.Equal([Id(1)], partOfName.Hits.Select(h => h.ListingId));
            var concerts = await index.SearchAsync(Query(ListingSearchSort.PriceAsc, words: ["演唱会"], city: "北京", first: 10), cancel);
            Assert.Equal([Id(1)], concerts.Hits.Select(h => h.ListingId));
            Assert.Equal([new("北京", 1), new("上海", 1)], concerts.CityCounts);
            Assert.Equal([new(TicketCategory.Concert, 1)], concerts.CategoryCounts);

            await index.SaveCheckpointAsync(9, null, cancel);
            Assert.Equal(9, (await index.InspectAsync(cancel)).Checkpoint);
        }
        finally
        {
            await DeleteAliasIndicesAsync(connection, options);
        }
    }

    /// <summary>Deletes the indices behind a test's own alias.</summary>
    internal static async Task DeleteAliasIndicesAsync(ElasticsearchConnection connection, ElasticsearchSearchOptions options)
    {
        var behind = await connection.SendAsync(TransportMethod.GET, $"_alias/{options.Alias}", null, CancellationToken.None);
        if (behind.IsSuccess)
            foreach (var name in System.Text.Json.JsonDocument.Parse(behind.Body).RootElement.EnumerateObject().Select(p => p.Name))
                await connection.SendAsync(TransportMethod.DELETE, name, null, CancellationToken.None);
    }

    private static string Id(int n) => $"01938f5e7a2b7c3d8e9f0a1b2c3d4e{n:d2}";

    /// <summary>The configured cluster with an alias of its own; skips the test when none is configured.</summary>
    internal static ElasticsearchSearchOptions ServerOptions()
    {
        var url = Environment.GetEnvironmentVariable(Prefix + "Url");
        if (string.IsNullOrWhiteSpace(url))
            Assert.Skip("Elasticsearch tests need ETicket__Search__Elasticsearch__Url; no server can be installed on this machine.");
        return new ElasticsearchSearchOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable(Prefix + "ApiKey"),
            Username = Environment.GetEnvironmentVariable(Prefix + "Username"),
            Password = Environment.GetEnvironmentVariable(Prefix + "Password"),
            CertificateFingerprint = Environment.GetEnvironmentVariable(Prefix + "CertificateFingerprint"),
            Alias = $"eticket-listings-test-{Guid.NewGuid():N}",
        };
    }
}
