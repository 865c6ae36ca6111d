using ETicket.Domain.Listings;

namespace ETicket.Search;

/// <summary>
/// One page of a search, already checked and bounded (<see cref="ListingSearchRequest"/>): a backend
/// builds its query from this and nothing else.
/// </summary>
/// <param name="Words">The text, normalized (NFKC, lower case) and split on white space; empty for none.</param>
/// <param name="Categories">Any of them; empty for every category.</param>
/// <param name="City">Exact, after trimming; null for every city.</param>
/// <param name="StartsFrom">Inclusive; a listing without a start time never matches a date bound.</param>
/// <param name="StartsTo">Inclusive.</param>
/// <param name="After">Where the previous page ended, for this same sort.</param>
/// <param name="Now">Listings expired at this instant are not found.</param>
public sealed record ListingSearchQuery(
    IReadOnlyList<string> Words,
    IReadOnlyList<TicketCategory> Categories,
    string? City,
    DateTimeOffset? StartsFrom,
    DateTimeOffset? StartsTo,
    decimal? MinPrice,
    decimal? MaxPrice,
    ListingSearchSort Sort,
    int First,
    SearchCursor? After,
    DateTimeOffset Now)
{
    /// <summary>
    /// How long a change may take to reach the index, with room to spare (it takes about a second):
    /// a listing repriced this long before paging began may still have sat at its old price then.
    /// </summary>
    public static readonly TimeSpan IndexLag = TimeSpan.FromMinutes(1);

    /// <summary>When the first page was asked for; every cursor of a walk by price carries it.</summary>
    public DateTimeOffset PagingStartedAt => After?.PagingStartedAt ?? Now;

    private bool SortsByPrice => Sort is ListingSearchSort.PriceAsc or ListingSearchSort.PriceDesc;

    /// <summary>
    /// On a later page by price, only listings never repriced or repriced at or before this: a price
    /// is the one sort key that moves, and a listing repriced since paging began may have been seen at
    /// its old place, so it is left out (from the total and the facets too, which then describe the
    /// same listings). Null when nothing is left out.
    /// </summary>
    public DateTimeOffset? RepricedAtOrBefore =>
        After is { PagingStartedAt: { } started } && SortsByPrice ? started - IndexLag : null;

    /// <summary>
    /// A hit's cursor; by price, carrying when this walk began. Other sorts' keys never move, and
    /// their cursors stay the same whenever they are asked for.
    /// </summary>
    public SearchCursor CursorAt(float? score, long key, string listingId) =>
        new(Sort, score, key, listingId, SortsByPrice ? PagingStartedAt : null);
}
