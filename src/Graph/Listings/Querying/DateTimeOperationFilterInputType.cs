using ETicket.Graph.Common;
using GraphQL.Types;

namespace ETicket.Graph.Listings.Querying;

public sealed class DateTimeOperationFilterInputType : InputObjectGraphType
{
    public DateTimeOperationFilterInputType()
    {
        Name = "DateTimeOperationFilterInput";
        foreach (var name in new[] { "eq", "gt", "gte", "lt", "lte" })
            Field<DateTimeScalar>(name);
    }
}
