using ETicket.Domain.Listings;

namespace ETicket.Search;

/// <summary>
/// A page of results. The counts are disjunctive, as shops show them: <see cref="CategoryCounts"/>
/// applies every filter but the categories, <see cref="CityCounts"/> every filter but the city; both
/// list only values with at least one listing, largest count first, then by value.
/// </summary>
/// <param name="TotalCount">Every listing the query matches, not only this page's.</param>
public sealed record ListingSearchPage(
    IReadOnlyList<ListingSearchHit> Hits,
    bool HasNextPage,
    int TotalCount,
    IReadOnlyList<FacetCount<TicketCategory>> CategoryCounts,
    IReadOnlyList<FacetCount<string>> CityCounts);
