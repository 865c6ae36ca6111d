using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", false);
        Add("DESC", true);
    }
}
