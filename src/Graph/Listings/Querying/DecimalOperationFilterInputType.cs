using ETicket.Graph.Common;
using GraphQL.Types;

namespace ETicket.Graph.Listings.Querying;

public sealed class DecimalOperationFilterInputType : InputObjectGraphType
{
    public DecimalOperationFilterInputType()
    {
        Name = "DecimalOperationFilterInput";
        foreach (var name in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
            Field<DecimalScalar>(name);
    }
}
