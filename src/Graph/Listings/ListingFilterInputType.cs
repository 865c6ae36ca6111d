using GraphQL.Types;

namespace ETicket.Graph.Listings;

// The contract's HotChocolate-style filter and sort inputs (this, the *OperationFilterInputType its
// fields take, and ListingSortInputType). They parse to dictionaries, so an explicit `eq: null`
// ("the field is empty") stays apart from an operator that was not given.
public sealed class ListingFilterInputType : InputObjectGraphType
{
    public ListingFilterInputType()
    {
        Name = "ListingFilterInput";
        Description = "Every field given must hold; `and` and `or` combine nested filters.";
        Field<ListGraphType<NonNullGraphType<ListingFilterInputType>>>("and");
        Field<ListGraphType<NonNullGraphType<ListingFilterInputType>>>("or");
        Field<TicketCategoryOperationFilterInputType>("category");
        Field<ListingStatusOperationFilterInputType>("status");
        Field<StringOperationFilterInputType>("city");
        Field<StringOperationFilterInputType>("title");
        Field<DecimalOperationFilterInputType>("price");
        Field<DateTimeOperationFilterInputType>("startsAt");
        Field<DateTimeOperationFilterInputType>("publishedAt");
    }
}
