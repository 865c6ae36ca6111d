using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class ListingSearchSortType : EnumerationGraphType<ListingSearchSort>
{
    public ListingSearchSortType() => Name = "ListingSearchSort";
}
