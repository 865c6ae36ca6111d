using ETicket.Search.Elasticsearch;
using ETicket.Tests.Search.Contract;
using Microsoft.Extensions.Logging.Abstractions;

namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>
/// The behaviour suite on Elasticsearch: every test is skipped, with a message saying why, unless
/// ETicket__Search__Elasticsearch__Url names a cluster (none can be installed on this machine).
/// </summary>
public sealed class ElasticsearchListingSearchTests : ListingSearchContract
{
    private readonly ElasticsearchSearchOptions options;
    private readonly ElasticsearchConnection connection;

    public ElasticsearchListingSearchTests() : this(ElasticsearchServerTests.ServerOptions())
    {
    }

    private ElasticsearchListingSearchTests(ElasticsearchSearchOptions options)
        : this(options, new ElasticsearchConnection(options))
    {
    }

    private ElasticsearchListingSearchTests(ElasticsearchSearchOptions options, ElasticsearchConnection connection)
        : base(() => new ElasticsearchListingIndex(connection, options, TimeProvider.System, NullLogger<ElasticsearchListingIndex>.Instance))
    {
        this.options = options;
        this.connection = connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await ElasticsearchServerTests.DeleteAliasIndicesAsync(connection, options);
    }
}
