using ETicket.Graph.Listings;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

public sealed class WantedMatchType : ObjectGraphType<MatchedListing>
{
    public WantedMatchType()
    {
        Name = "WantedMatch";
        Description = "A newly published listing that matches one of the signed-in member's open wanted requests.";
        Field<NonNullGraphType<WantedRequestType>>("wantedRequest").Resolve(ctx => ctx.Source.WantedRequest);
        Field<NonNullGraphType<ListingType>>("listing").Resolve(ctx => ctx.Source.Listing);
    }
}
