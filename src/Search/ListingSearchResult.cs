using ETicket.Domain.Common;
using ETicket.Domain.Listings;

namespace ETicket.Search;

/// <summary>A search's answer as the API shows it: the listings themselves, and the facet counts.</summary>
public sealed record ListingSearchResult(
    Page<Listing> Listings,
    IReadOnlyList<FacetCount<TicketCategory>> CategoryCounts,
    IReadOnlyList<FacetCount<string>> CityCounts);
