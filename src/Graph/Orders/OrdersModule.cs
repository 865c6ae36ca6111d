using ETicket.Domain;
using ETicket.Graph.Members;
using ETicket.Graph.Orders.Disbursements;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

public static class OrdersModule
{
    /// <summary>The orders module: its domain services, its loaders and its fields (a member's trades included).</summary>
    public static IServiceCollection AddOrdersModule(this IServiceCollection services)
    {
        services.AddOrdersDomain();
        services.AddScoped<OrderLoader>();
        services.AddScoped<CompletedTradesLoader>();
        services.AddScoped<DisbursementLoader>();
        services.AddSingleton<IFieldContributor<QueryType>, OrderQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, OrderMutations>();
        services.AddSingleton<IFieldContributor<QueryType>, DisbursementQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, RetryDisbursementMutation>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberTradeFields>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, OrderSubscriptions>();
        return services;
    }
}
