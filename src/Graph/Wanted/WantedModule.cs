using ETicket.Domain;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Wanted;

public static class WantedModule
{
    /// <summary>The wanted-requests module (求购): its domain services, with the matching of new listings, and its fields.</summary>
    public static IServiceCollection AddWantedModule(this IServiceCollection services)
    {
        services.AddWantedDomain();
        services.AddScoped<WantedRequestLoader>();
        services.AddSingleton<IFieldContributor<QueryType>, WantedRequestQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, PostWantedRequestMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, CloseWantedRequestMutation>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, WantedSubscriptions>();
        return services;
    }
}
