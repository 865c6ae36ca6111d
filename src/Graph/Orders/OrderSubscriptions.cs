using ETicket.Domain.Events;
using ETicket.Domain.Orders;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class OrderSubscriptions : IFieldContributor<SubscriptionType>
{
    public void AddFields(SubscriptionType type)
    {
        type.Field<NonNullGraphType<OrderType>>("myOrderChanged")
            .Description("An order where the signed-in member is buyer or seller changed status.")
            .DependsOnViewer()
            .ResolveStream(ctx =>
            {
                var member = ctx.RequireViewerId();
                return ctx.Service<SubscriptionEvents>().Stream<OrderStatusChanged, Order>(
                    e => e.BuyerId == member || e.SellerId == member,
                    e => "order:" + e.OrderId,
                    (services, e, ct) => services.GetRequiredService<OrderLoader>().Load(e.OrderId).GetResultAsync(ct));
            });
    }
}
