using ETicket.Domain.Listings;

namespace ETicket.Search;

public enum ListingSearchSort { Relevance, StartsAtAsc, PriceAsc, PriceDesc, Newest }

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
    DateTimeOffset Now);
