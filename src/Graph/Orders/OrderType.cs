using ETicket.Domain.Listings;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Listings;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Members;
using ETicket.Graph.Orders.Disbursements;
using ETicket.Graph.Schema;
using GraphQL.Federation;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class OrderType : ObjectGraphType<Order>
{
    public OrderType(SchemaRole role, IMemberResolver members)
    {
        Name = "Order";
        if (role.IsFederated)
        {
            this.Key("id");
            // Only its buyer, its seller or an admin may see an order, through the gateway too.
            this.ResolveReference<OrderReference, Order>(async (ctx, reference) =>
                await ctx.Service<OrderReader>().FindForAsync(ctx.ViewerId(), ctx.ViewerIsAdmin(), reference.Id, ctx.CancellationToken));
        }
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<ListingType>>("listing")
            .Resolve(ctx => ctx.Service<ListingLoader>().Load(ctx.Source.ListingId));
        Field<NonNullGraphType<MemberType>>("buyer").Resolve(ctx => members.ResolveReferenced(ctx, ctx.Source.BuyerId));
        Field<NonNullGraphType<MemberType>>("seller").Resolve(ctx => members.ResolveReferenced(ctx, ctx.Source.SellerId));
        Field<NonNullGraphType<DecimalScalar>>("price").Resolve(ctx => ctx.Source.Price);
        Field<NonNullGraphType<DecimalScalar>>("serviceCharge").Resolve(ctx => ctx.Source.ServiceCharge);
        Field<NonNullGraphType<DecimalScalar>>("total").Resolve(ctx => ctx.Source.Total);
        Field<NonNullGraphType<OrderStatusType>>("status")
            .Resolve(ctx => ctx.Source.StatusAt(ctx.Service<TimeProvider>().GetUtcNow()));
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<DateTimeScalar>("paymentDeadline").Resolve(ctx => ctx.Source.PaymentDeadline);
        Field<DateTimeScalar>("paidAt").Resolve(ctx => ctx.Source.PaidAt);
        Field<DateTimeScalar>("confirmDeadline").Resolve(ctx => ctx.Source.ConfirmDeadline);
        Field<DateTimeScalar>("completedAt").Resolve(ctx => ctx.Source.CompletedAt);
        Field<StringGraphType>("ticketCode")
            .Description("Only the seller, and the buyer while the order is PAID, DISPUTED or COMPLETED, see it.")
            .DependsOnViewer()
            .Resolve(ctx =>
            {
                var viewer = ctx.ViewerId();
                var order = ctx.Source;
                if (viewer != order.SellerId && !(viewer == order.BuyerId && order.RevealsCodeToBuyer))
                    return null;
                var vault = ctx.Service<TicketCodeVault>();
                return ctx.Service<ListingTextLoader>().Load(order.ListingId).Then(text => text?.RevealTicketCode(vault));
            });
        OrderDisbursementFields.Add(this);
    }
}
