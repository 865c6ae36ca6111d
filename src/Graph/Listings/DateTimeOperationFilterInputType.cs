using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class DateTimeOperationFilterInputType : InputObjectGraphType
{
    public DateTimeOperationFilterInputType()
    {
        Name = "DateTimeOperationFilterInput";
        foreach (var name in new[] { "eq", "gt", "gte", "lt", "lte" })
            Field<DateTimeScalar>(name);
    }
}
