using ETicket.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Search;

/// <summary>
/// One index several test servers share, as processes share an Elasticsearch index: an embedded
/// index under a shared name that records, as Elasticsearch's _meta does, the rebuild that made it,
/// and refuses a checkpoint from a process following an index rebuilt since. Counts rebuilds.
/// </summary>
public sealed class SharedIndex(IListingSearchIndex index) : IListingSearchIndex
{
    private RebuiltIndex? _rebuilt;
    private int _rebuilds;

    public string SharedName => "shared-test-index";

    public int Rebuilds => Volatile.Read(ref _rebuilds);

    /// <summary>Makes a server use <paramref name="shared"/> in place of an index of its own.</summary>
    public static void Install(IServiceCollection services, IListingSearchIndex shared)
    {
        services.Remove(services.Last(d => d.ServiceType == typeof(IListingSearchIndex)));
        services.AddSingleton(shared);
    }

    public async Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, RebuiltIndex position, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _rebuilds);
        await index.RebuildAsync(documents, position, cancellationToken);
        Volatile.Write(ref _rebuilt, position);
    }

    public async Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken) =>
        await index.InspectAsync(cancellationToken) with { Rebuilt = Volatile.Read(ref _rebuilt) };

    public async Task<bool> SaveCheckpointAsync(long sequence, RebuiltIndex? following, CancellationToken cancellationToken) =>
        following == Volatile.Read(ref _rebuilt) && await index.SaveCheckpointAsync(sequence, following, cancellationToken);

    public Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken) => index.SearchAsync(query, cancellationToken);

    public Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken) =>
        index.WriteAsync(documents, cancellationToken);
}
