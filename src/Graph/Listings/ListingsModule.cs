using ETicket.Domain;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Listings;

public static class ListingsModule
{
    /// <summary>
    /// The listings module: its domain services (ticket codes protected by <paramref name="ticketSecretKey"/>),
    /// its loaders and its fields: queries, mutations, a member's listings and live listing updates.
    /// </summary>
    public static IServiceCollection AddListingsModule(this IServiceCollection services, byte[] ticketSecretKey, SchemaRole role)
    {
        services.AddListingsDomain(ticketSecretKey);
        services.AddScoped<ListingLoader>();
        services.AddSingleton<Querying.ListingSelection>();
        services.AddScoped<ListingTextLoader>();
        services.AddScoped<SellerListingsLoader>();
        services.AddScoped<SellerListingCountLoader>();
        services.AddSingleton<IFieldContributor<QueryType>, ListingQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, PublishListingMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, ChangeListingPriceMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, WithdrawListingMutation>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberListingsFields>();
        services.AddScoped<SellerProfileLoader>();
        // Where the members module is not served (the tickets subgraph), Listing.seller provides these from the copies.
        if (!role.ServesMembers)
            services.AddSingleton<IFieldContributor<MemberType>, SellerProfileFields>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, ListingSubscriptions>();
        return services;
    }
}
