using ETicket.Graph.Listings.Querying;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

// The contract's HotChocolate-style sort input (see ListingFilterInputType).
public sealed class ListingSortInputType : InputObjectGraphType
{
    public ListingSortInputType()
    {
        Name = "ListingSortInput";
        Description = "Exactly one field per element; elements apply in list order; nulls sort last.";
        foreach (var name in ListingQueryArguments.SortFields)
            Field<SortEnumType>(name);
    }
}
