using ETicket.Domain.Listings;
using ETicket.Domain.Wanted.Services;
using ETicket.Graph.Common;
using ETicket.Graph.Listings;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

public sealed class WantedRequestQueries : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type) =>
        type.Field<NonNullGraphType<WantedRequestConnectionType>>("wantedRequests")
            .Description("The board of what members are looking for (求购): open wanted requests only, newest first.")
            .Argument<TicketCategoryType>("category", "Only requests of this category.")
            .Argument<StringGraphType>("city", "Only requests for exactly this city.")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<WantedRequests>().PageOpenAsync(
                ctx.GetArgument<TicketCategory?>("category"), ctx.GetArgument<string?>("city"), ctx.ToPageRequest(), ctx.CancellationToken));
}
