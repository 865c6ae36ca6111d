using GraphQL.Types;

namespace ETicket.Graph.Listings;

public sealed class TicketCategoryOperationFilterInputType : InputObjectGraphType
{
    public TicketCategoryOperationFilterInputType()
    {
        Name = "TicketCategoryOperationFilterInput";
        Field<TicketCategoryType>("eq");
        Field<ListGraphType<NonNullGraphType<TicketCategoryType>>>("in");
    }
}
