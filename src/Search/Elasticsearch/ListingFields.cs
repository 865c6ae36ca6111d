using System.Globalization;
using System.Text.Json.Nodes;
using ETicket.Domain.Common;

namespace ETicket.Search.Elasticsearch;

/// <summary>The index's field names, and how a document's values are written into them.</summary>
public static class ListingFields
{
    public const string ListingId = "listingId";
    public const string Version = "version";
    public const string Status = "status";
    public const string Category = "category";
    public const string Title = "title";
    public const string Description = "description";
    public const string Venue = "venue";

    /// <summary>A keyword, for the exact filter and the facet; <see cref="CityText"/> is its text for matching.</summary>
    public const string City = "city";

    public const string CityText = "city.text";
    public const string PriceCents = "priceCents";
    public const string StartsAt = "startsAt";
    public const string PublishedAt = "publishedAt";
    public const string ExpiresAt = "expiresAt";
    public const string RepricedAt = "repricedAt";

    /// <summary>The subfield of overlapping CJK bigrams on each text field: parts of names.</summary>
    public const string Grams = "grams";

    /// <summary>The document's source: what the mapping indexes, nothing more (no ticket code).</summary>
    public static JsonObject Source(ListingSearchDocument document) => new()
    {
        [ListingId] = document.ListingId,
        [Version] = document.Version,
        [Status] = document.Status.ToString(),
        [Category] = document.Category.ToString(),
        [Title] = document.Title,
        [Description] = document.Description,
        [Venue] = document.Venue,
        [City] = document.City,
        [PriceCents] = Cents(document.Price),
        [StartsAt] = document.StartsAt is { } startsAt ? Date(startsAt) : null,
        [PublishedAt] = Date(document.PublishedAt),
        [ExpiresAt] = Date(document.ExpiresAt),
        [RepricedAt] = document.RepricedAt is { } repricedAt ? Date(repricedAt) : null,
    };

    /// <summary>Prices have at most two decimal places, so cents are exact.</summary>
    public static long Cents(decimal price) => decimal.ToInt64(decimal.Round(price * 100, MidpointRounding.AwayFromZero));

    /// <summary>
    /// UTC with the seven fractional digits of a tick: the fields are date_nanos, so nothing is
    /// truncated and the sort keys round-trip to the cursor's ticks exactly.
    /// </summary>
    public static string Date(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date_nanos sort value is nanoseconds since 1970; the cursor keeps ticks.</summary>
    public static long TicksFromSortValue(long nanos) =>
        nanos == long.MaxValue ? long.MaxValue : DateTimeOffset.UnixEpoch.Ticks + nanos / 100;

    /// <summary>
    /// The date_nanos sort value of a cursor's ticks; a cursor outside what date_nanos holds
    /// (1970 to 2262) was not given out by this backend and is bad input, not an overflow.
    /// </summary>
    public static long SortValueFromTicks(long ticks)
    {
        if (ticks == long.MaxValue)
            return long.MaxValue;
        var sinceEpoch = ticks - DateTimeOffset.UnixEpoch.Ticks;
        if (ticks < DateTimeOffset.UnixEpoch.Ticks || sinceEpoch > long.MaxValue / 100)
            throw new BadInputException("`after` is not a cursor this API gave out.");
        return sinceEpoch * 100;
    }
}
