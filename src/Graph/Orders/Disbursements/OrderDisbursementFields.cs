using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Subscriptions;
using GraphQL.Builders;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

/// <summary>Order.refund and Order.payout: each for its payee and admins alone.</summary>
public static class OrderDisbursementFields
{
    public static void Add(ObjectGraphType<Order> order)
    {
        Field(order, "refund", DisbursementKind.Refund, o => o.BuyerId)
            .Description("The refund of the buyer's payment (a dispute resolved for them, or a payment that came after the order was cancelled); " +
                         "the buyer and admins see it.");
        Field(order, "payout", DisbursementKind.Payout, o => o.SellerId)
            .Description("The seller's share, paid out once the order completed; the seller and admins see it.");
    }

    private static FieldBuilder<Order, object> Field(ObjectGraphType<Order> order, string name, DisbursementKind kind, Func<Order, string> payee) =>
        order.Field<DisbursementType>(name)
            .DependsOnViewer()
            .Resolve(ctx => ctx.ViewerId() == payee(ctx.Source) || ctx.ViewerIsAdmin()
                ? ctx.Service<DisbursementLoader>().Load(ctx.Source.Id).Then(all => all?.FirstOrDefault(d => d.Kind == kind))
                : null);
}
