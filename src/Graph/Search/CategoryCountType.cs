using ETicket.Domain.Listings;
using ETicket.Graph.Listings;
using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class CategoryCountType : ObjectGraphType<FacetCount<TicketCategory>>
{
    public CategoryCountType()
    {
        Name = "CategoryCount";
        Field<NonNullGraphType<TicketCategoryType>>("category").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
    }
}
