using ETicket.Domain.Listings;
using ETicket.Domain.Wanted;

namespace ETicket.Graph.Wanted;

/// <summary>A newly published listing that matches one of a member's open wanted requests, with that request (the WantedMatch a subscriber receives).</summary>
public sealed record MatchedListing(WantedRequest WantedRequest, Listing Listing);
