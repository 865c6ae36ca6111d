using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class ListingStatusOperationFilterInputType : InputObjectGraphType
{
    public ListingStatusOperationFilterInputType()
    {
        Name = "ListingStatusOperationFilterInput";
        Description = "The status as of now: an ON_SALE listing past its expiry counts as EXPIRED.";
        Field<ListingStatusType>("eq");
        Field<ListGraphType<NonNullGraphType<ListingStatusType>>>("in");
    }
}
