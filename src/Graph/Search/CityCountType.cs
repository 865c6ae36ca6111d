using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class CityCountType : ObjectGraphType<FacetCount<string>>
{
    public CityCountType()
    {
        Name = "CityCount";
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
    }
}
