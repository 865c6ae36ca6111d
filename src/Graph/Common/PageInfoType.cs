using ETicket.Domain.Common;
using GraphQL.Types;

namespace ETicket.Graph.Common;

/// <summary>Reads the page flags of any connection's page.</summary>
public sealed class PageInfoType : ObjectGraphType<IPageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").ResolveAsync(async ctx => await ctx.Source.HasNextPageAsync(ctx.CancellationToken));
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").ResolveAsync(async ctx => await ctx.Source.HasPreviousPageAsync(ctx.CancellationToken));
        Field<StringGraphType>("startCursor").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.EndCursor);
    }
}
