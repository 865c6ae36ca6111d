namespace ETicket.Search;

/// <summary>One listing found, and where the page stands after it.</summary>
public sealed record ListingSearchHit(string ListingId, SearchCursor Cursor);
