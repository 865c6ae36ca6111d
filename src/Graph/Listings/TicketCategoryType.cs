using ETicket.Domain.Listings;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class TicketCategoryType : EnumerationGraphType<TicketCategory>
{
    public TicketCategoryType() => Name = "TicketCategory";
}
