using ETicket.Domain.Listings;
using ETicket.Domain.Wanted;
using ETicket.Graph.Listings;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

/// <summary>A newly published listing that matches one of a member's open wanted requests.</summary>
public sealed record WantedMatch(WantedRequest WantedRequest, Listing Listing);

public sealed class WantedMatchType : ObjectGraphType<WantedMatch>
{
    public WantedMatchType()
    {
        Name = "WantedMatch";
        Description = "A newly published listing that matches one of the signed-in member's open wanted requests.";
        Field<NonNullGraphType<WantedRequestType>>("wantedRequest").Resolve(ctx => ctx.Source.WantedRequest);
        Field<NonNullGraphType<ListingType>>("listing").Resolve(ctx => ctx.Source.Listing);
    }
}
