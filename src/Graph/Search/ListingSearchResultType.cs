using ETicket.Graph.Listings;
using ETicket.Search;
using GraphQL.Types;

namespace ETicket.Graph.Search;

public sealed class ListingSearchResultType : ObjectGraphType<ListingSearchResult>
{
    public ListingSearchResultType()
    {
        Name = "ListingSearchResult";
        Field<NonNullGraphType<ListingConnectionType>>("listings").Resolve(ctx => ctx.Source.Listings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryCountType>>>>("categoryCounts")
            .Description("Per category, the listings that match every filter but `categories`: what choosing it would show.")
            .Resolve(ctx => ctx.Source.CategoryCounts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityCountType>>>>("cityCounts")
            .Description("Per city, the listings that match every filter but `city`.")
            .Resolve(ctx => ctx.Source.CityCounts);
    }
}
