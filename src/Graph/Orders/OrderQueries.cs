using ETicket.Domain.Members.Services;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class OrderQueries : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type)
    {
        type.Field<OrderType>("order")
            .Description("For its buyer, its seller or an admin; null for anyone else.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ctx.Service<OrderReader>()
                .FindForAsync(ctx.ViewerId(), ctx.ViewerIsAdmin(), ctx.GetArgument<string>("id"), ctx.CancellationToken));

        type.Field<NonNullGraphType<OrderConnectionType>>("myOrders")
            .Description("The signed-in member's orders, newest first.")
            .Argument<OrderRoleType>("role", "BUYER or SELLER; both when omitted.")
            .Argument<OrderStatusType>("status")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<OrderReader>().PageMineAsync(
                ctx.RequireViewerId(), ctx.GetArgument<OrderRole?>("role"), ctx.GetArgument<OrderStatus?>("status"),
                ctx.ToPageRequest(), ctx.CancellationToken));

        type.Field<NonNullGraphType<ServiceChargeQuoteType>>("quoteServiceCharge")
            .Description("What buying at this price costs the signed-in member (NORMAL level when anonymous).")
            .Argument<NonNullGraphType<DecimalScalar>>("price")
            .ResolveAsync(async ctx =>
            {
                var price = ctx.GetArgument<decimal>("price");
                if (price <= 0)
                    throw new Domain.Common.BadInputException("`price` must be more than zero.");
                var level = await ctx.Service<MemberReputation>().LevelOfAsync(ctx.ViewerId(), ctx.CancellationToken);
                return ServiceCharges.Quote(price, level);
            });
    }
}
