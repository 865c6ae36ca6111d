using GraphQL.Types;

namespace ETicket.Graph.Listings.Querying;

// The contract's HotChocolate-style sort input (see ListingFilterInputType).
public sealed class ListingSortInputType : InputObjectGraphType
{
    public static readonly string[] FieldNames = ["price", "startsAt", "publishedAt", "title"];

    public ListingSortInputType()
    {
        Name = "ListingSortInput";
        Description = "Exactly one field per element; elements apply in list order; nulls sort last.";
        foreach (var name in FieldNames)
            Field<SortEnumType>(name);
    }
}
