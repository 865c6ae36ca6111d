using ETicket.Domain.Listings;

namespace ETicket.Search;

/// <summary>
/// A listing as search sees it: what is matched, filtered, sorted and counted. Every listing has
/// one, whatever its status; a search keeps those on sale and not expired. <see cref="Version"/> is
/// the listing's: an index keeps the highest it was given, so a replayed or late write of an older
/// state never replaces a newer one. <see cref="RepricedAt"/> is when the price last changed (null: never):
/// paging by price leaves out what was repriced since it began (<see cref="ListingSearchQuery.RepricedAtOrBefore"/>).
/// Never carries the ticket code.
/// </summary>
public sealed record ListingSearchDocument(
    string ListingId,
    int Version,
    ListingStatus Status,
    TicketCategory Category,
    string Title,
    string? Description,
    string? Venue,
    string? City,
    DateTimeOffset? StartsAt,
    decimal Price,
    DateTimeOffset PublishedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RepricedAt)
{
    public static ListingSearchDocument Of(Listing listing) => new(
        listing.Id, listing.Version, listing.Status, listing.Category, listing.Title, listing.Text.Description,
        listing.Venue, listing.City, listing.StartsAt, listing.Price, listing.PublishedAt, listing.ExpiresAt,
        listing.RepricedAt);
}
