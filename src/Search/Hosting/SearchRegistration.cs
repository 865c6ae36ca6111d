using ETicket.Search.Elasticsearch;
using ETicket.Search.Indexing;
using ETicket.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ETicket.Search.Hosting;

public static class SearchRegistration
{
    /// <summary>
    /// Listing search for a process serving tickets: Elasticsearch when ETicket:Search:Elasticsearch:Url
    /// is set, else the embedded Lucene index; either kept current from the outbox by <see cref="ListingIndexer"/>.
    /// </summary>
    public static IServiceCollection AddListingSearch(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        if (!services.TryAddElasticsearchListingSearch(configuration))
        {
            services.AddOptions<LuceneSearchOptions>().BindConfiguration(LuceneSearchOptions.Section).ValidateOnStart();
            services.AddSingleton<IListingSearchIndex>(provider => OpenLucene(
                Path.GetFullPath(Path.Combine(dataDirectory, provider.GetRequiredService<IOptions<LuceneSearchOptions>>().Value.Directory)),
                provider.GetRequiredService<TimeProvider>()));
        }
        services.AddSingleton<SearchIndexRebuild>();
        services.AddHostedService<ListingIndexer>();
        services.AddScoped<ListingSearch>();
        return services;
    }

    private static LuceneListingSearchIndex OpenLucene(string directory, TimeProvider clock)
    {
        try
        {
            return new LuceneListingSearchIndex(directory, clock);
        }
        catch (global::Lucene.Net.Store.LockObtainFailedException locked)
        {
            throw new InvalidOperationException(
                $"The search index in {directory} is in use by another process. Each process needs a folder of its own: "
                + $"set {LuceneSearchOptions.Section}:{nameof(LuceneSearchOptions.Directory)} (docs/search.md).", locked);
        }
    }
}
