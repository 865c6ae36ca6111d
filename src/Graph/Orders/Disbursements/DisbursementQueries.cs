using ETicket.Domain.Orders.Disbursements;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

public sealed class DisbursementQueries : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DisbursementType>>>>("failedDisbursements")
            .Description($"ADMIN only: refunds and payouts the payment provider gave up on, the most recent first (at most {DisbursementDesk.MaxListed}). " +
                         "retryDisbursement tries one again.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 20)
            .ResolveAsync(async ctx => await ctx.Service<DisbursementDesk>()
                .ListFailedAsync(ctx.RequireViewerId(), ctx.GetArgument<int>("first"), ctx.CancellationToken));
}
