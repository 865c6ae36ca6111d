using ETicket.Graph.Listings;
using ETicket.Graph.Schema;
using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class SearchListingsInputType : InputObjectGraphType<SearchListingsInput>
{
    public SearchListingsInputType()
    {
        Name = "SearchListingsInput";
        Field(i => i.Text, nullable: true)
            .Description($"Chinese or English, at most {ListingSearchRequest.TextMaxLength} characters: every word must be in the title, description, venue or city.");
        Field(i => i.Categories, type: typeof(ListGraphType<NonNullGraphType<TicketCategoryType>>)).Description("Any of these categories.");
        Field(i => i.City, nullable: true).Description("Exactly this city.");
        Field(i => i.StartsFrom, type: typeof(DateTimeScalar)).Description("Starting at or after; listings without a start time do not match.");
        Field(i => i.StartsTo, type: typeof(DateTimeScalar)).Description("Starting at or before.");
        Field(i => i.MinPrice, type: typeof(DecimalScalar));
        Field(i => i.MaxPrice, type: typeof(DecimalScalar));
        Field(i => i.Sort, type: typeof(ListingSearchSortType)).DefaultValue(ListingSearchSort.Relevance);
    }
}
