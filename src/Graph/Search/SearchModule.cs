using ETicket.Graph.Schema;
using ETicket.Search.Hosting;

namespace ETicket.Graph.Search;

public static class SearchModule
{
    /// <summary>
    /// Listing search: the backend the configuration names (<c>ETicket:Search</c>, its index under
    /// <paramref name="dataDirectory"/> when embedded), kept current from the outbox, and <c>searchListings</c>.
    /// </summary>
    public static IServiceCollection AddSearchModule(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddListingSearch(configuration, dataDirectory);
        services.AddSingleton<IFieldContributor<QueryType>, SearchListingsQuery>();
        return services;
    }
}
