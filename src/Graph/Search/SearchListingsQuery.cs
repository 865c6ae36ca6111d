using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using ETicket.Search;
using GraphQL;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class SearchListingsQuery : IFieldContributor<QueryType>
{
    public void AddFields(QueryType type) =>
        type.Field<NonNullGraphType<ListingSearchResultType>>("searchListings")
            .Description("Full-text search of the listings on sale now, with filters and facet counts (docs/search.md).")
            .Argument<NonNullGraphType<SearchListingsInputType>>("input")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListingSearch>().SearchAsync(
                ctx.GetArgument<SearchListingsInput>("input").ToRequest(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after")),
                ctx.CancellationToken));
}
