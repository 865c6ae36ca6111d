using GraphQL.Types;

namespace ETicket.Graph.Listings;

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
