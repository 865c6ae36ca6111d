using ETicket.Domain.Listings;
using ETicket.Domain.Wanted;

namespace ETicket.Graph.Wanted;

/// <summary>A newly published listing that matches one of a member's open wanted requests.</summary>
public sealed record WantedMatch(WantedRequest WantedRequest, Listing Listing);
