using ETicket.Graph.Listings.Querying;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Listings;

// The contract's HotChocolate-style filter and sort inputs. They parse to dictionaries, so an
// explicit `eq: null` ("the field is empty") stays apart from an operator that was not given.

public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Field<StringGraphType>("eq").Description("Equal; null matches an empty field.");
        Field<StringGraphType>("neq");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("in");
        Field<StringGraphType>("contains").Description("Contains the text, ignoring case.");
        Field<StringGraphType>("startsWith").Description("Starts with the text, ignoring case.");
    }
}

public sealed class DecimalOperationFilterInputType : InputObjectGraphType
{
    public DecimalOperationFilterInputType()
    {
        Name = "DecimalOperationFilterInput";
        foreach (var name in new[] { "eq", "neq", "gt", "gte", "lt", "lte" })
            Field<DecimalScalar>(name);
    }
}

public sealed class DateTimeOperationFilterInputType : InputObjectGraphType
{
    public DateTimeOperationFilterInputType()
    {
        Name = "DateTimeOperationFilterInput";
        foreach (var name in new[] { "eq", "gt", "gte", "lt", "lte" })
            Field<DateTimeScalar>(name);
    }
}

public sealed class TicketCategoryOperationFilterInputType : InputObjectGraphType
{
    public TicketCategoryOperationFilterInputType()
    {
        Name = "TicketCategoryOperationFilterInput";
        Field<TicketCategoryType>("eq");
        Field<ListGraphType<NonNullGraphType<TicketCategoryType>>>("in");
    }
}

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

public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Add("ASC", false);
        Add("DESC", true);
    }
}

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
