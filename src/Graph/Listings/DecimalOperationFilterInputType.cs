using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class DecimalOperationFilterInputType : InputObjectGraphType
{
    public DecimalOperationFilterInputType()
    {
        Name = "DecimalOperationFilterInput";
        foreach (var name in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
            Field<DecimalScalar>(name);
    }
}
