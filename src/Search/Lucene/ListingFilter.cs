using ETicket.Domain.Listings;

namespace ETicket.Search.Lucene;

/// <summary>
/// The filters of a search as bounds on doc values, checked per matching document: cheaper than
/// range queries over unique values (every expiry and price would be a term), and one pass serves
/// the hits and the disjunctive facets together. Categories and city are kept apart from the rest
/// because each facet counts with every filter but its own.
/// </summary>
internal sealed class ListingFilter
{
    private static readonly int CategoryCount = Enum.GetValues<TicketCategory>().Length;

    private readonly long expiredAtOrBefore;
    private readonly long startsFrom;
    private readonly long startsTo;
    private readonly bool boundsStart;
    private readonly long minCents;
    private readonly long maxCents;
    private readonly long repricedAtOrBefore;

    public ListingFilter(ListingSearchQuery query)
    {
        expiredAtOrBefore = query.Now.UtcTicks;
        boundsStart = query.StartsFrom is not null || query.StartsTo is not null;
        startsFrom = query.StartsFrom?.UtcTicks ?? long.MinValue;
        startsTo = query.StartsTo?.UtcTicks ?? long.MaxValue - 1; // MaxValue itself stands for "no start time"
        minCents = query.MinPrice is { } min ? ListingDocumentMapper.CentsAtLeast(min) : long.MinValue;
        maxCents = query.MaxPrice is { } max ? ListingDocumentMapper.CentsAtMost(max) : long.MaxValue;
        repricedAtOrBefore = query.RepricedAtOrBefore?.UtcTicks ?? long.MaxValue;
        if (query.Categories.Count > 0)
        {
            Categories = new bool[CategoryCount];
            foreach (var category in query.Categories)
                Categories[(int)category] = true;
        }
        City = query.City;
    }

    /// <summary>Which categories pass, by number; null when any does.</summary>
    public bool[]? Categories { get; }

    /// <summary>The exact city; null when any (or none) does.</summary>
    public string? City { get; }

    /// <summary>
    /// On sale, unexpired, within the date and price bounds, and not repriced since paging by price
    /// began (0: never repriced): everything but categories and city.
    /// </summary>
    public bool PassesBase(long status, long expiresAt, long startsAtOrMax, long cents, long repricedAt) =>
        status == (long)ListingStatus.OnSale
        && expiresAt > expiredAtOrBefore
        && (!boundsStart || (startsAtOrMax >= startsFrom && startsAtOrMax <= startsTo))
        && cents >= minCents && cents <= maxCents
        && repricedAt <= repricedAtOrBefore;

    public bool PassesCategory(long category) => Categories is null || (category >= 0 && category < CategoryCount && Categories[category]);
}
