using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

/// <summary>One facet value and how many listings have it (CategoryCount, CityCount).</summary>
/// <typeparam name="TValue">The facet's value (a category, a city).</typeparam>
/// <typeparam name="TValueType">Its graph type.</typeparam>
public abstract class FacetCountType<TValue, TValueType> : ObjectGraphType<FacetCount<TValue>>
    where TValue : notnull
    where TValueType : IGraphType
{
    protected FacetCountType(string name, string valueField)
    {
        Name = name;
        Field<NonNullGraphType<TValueType>>(valueField).Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Count);
    }
}
