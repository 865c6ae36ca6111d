using GraphQL.Types;

namespace ETicket.Graph.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IFieldContributor<QueryType>> contributors)
    {
        Name = "Query";
        this.Apply(contributors);
    }
}
