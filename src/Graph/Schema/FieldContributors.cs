using GraphQL.Types;

namespace ETicket.Graph.Schema;

public static class FieldContributors
{
    public static void Apply<TGraphType>(this TGraphType type, IEnumerable<IFieldContributor<TGraphType>> contributors)
        where TGraphType : IComplexGraphType
    {
        foreach (var contributor in contributors)
            contributor.AddFields(type);
    }
}
