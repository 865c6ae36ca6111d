using ETicket.Domain.Common;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Common;
using ETicket.Graph.Listings.Querying;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class ListingQueries(ListingSelection selection) : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type)
    {
        type.Field<ListingType>("listing")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.GetArgument<string>("id") is var id && Ids.IsWellFormed(id)
                ? ctx.Service<ListingLoader>().Load(id)
                : null);

        type.Field<NonNullGraphType<ListingConnectionType>>("listings")
            .Description("The market. Nothing is filtered implicitly (ask for `status: { eq: ON_SALE }`); without `order`, newest first.")
            .Argument<ListingFilterInputType>("where")
            .Argument<ListGraphType<NonNullGraphType<ListingSortInputType>>>("order")
            .Paged(backward: true)
            .ResolveAsync(async ctx => await ctx.Service<ListingReader>()
                .PageAsync(ctx.Filter(), ctx.Order(), ctx.ToPageRequest(), selection.Columns(ctx), ctx.CancellationToken));
    }
}
