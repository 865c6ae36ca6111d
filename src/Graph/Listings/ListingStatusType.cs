using ETicket.Domain.Listings;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class ListingStatusType : EnumerationGraphType<ListingStatus>
{
    public ListingStatusType() => Name = "ListingStatus";
}
