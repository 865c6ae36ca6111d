using ETicket.Domain.Listings;

namespace ETicket.Domain.Wanted;

/// <summary>
/// Whether a listing is what an open wanted request asks for: the same category and every keyword
/// in the title, ignoring case; and, where the request gives them, the same city, a start within
/// from..to (both inclusive) and a price of at most maxPrice. A member's own listing never matches
/// their own request: there is nothing to tell them.
/// </summary>
public static class WantedMatching
{
    public static bool Matches(WantedRequest request, Listing listing) =>
        request.Open
        && request.MemberId != listing.SellerId
        && request.Category == listing.Category
        && (request.City is null || string.Equals(request.City, listing.City, StringComparison.Ordinal))
        && StartsWithin(listing.StartsAt, request.From, request.To)
        && (request.MaxPrice is null || listing.Price <= request.MaxPrice)
        && HasEveryKeyword(listing.Title, request.Keywords);

    // Keywords are split on any whitespace (the ideographic space U+3000 too), and each is looked
    // for anywhere in the title, not as a whole word: Chinese titles have no spaces between words.
    private static bool HasEveryKeyword(string title, string keywords) =>
        keywords.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .All(keyword => title.Contains(keyword, StringComparison.OrdinalIgnoreCase));

    // A request with dates asks when the event is; a listing without a start cannot show it is in range.
    private static bool StartsWithin(DateTimeOffset? startsAt, DateTimeOffset? from, DateTimeOffset? to) =>
        from is null && to is null
        || startsAt is { } start && (from is null || start >= from) && (to is null || start <= to);
}
