using ETicket.Search.Indexing;
using ETicket.Search.Lucene;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Search;

public static class SearchRegistration
{
    /// <summary>Where the embedded index lives, under the platform's data directory.</summary>
    public const string LuceneDirectoryName = "search";

    /// <summary>
    /// Listing search for a process serving tickets: the embedded Lucene index under
    /// <paramref name="dataDirectory"/>, kept current from the outbox by <see cref="ListingIndexer"/>.
    /// </summary>
    public static IServiceCollection AddListingSearch(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton<IListingSearchIndex>(provider =>
            new LuceneListingSearchIndex(Path.Combine(dataDirectory, LuceneDirectoryName), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SearchIndexRebuild>();
        services.AddHostedService<ListingIndexer>();
        services.AddScoped<ListingSearch>();
        return services;
    }
}
