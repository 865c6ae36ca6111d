using System.Globalization;
using System.Text;
using ETicket.Domain.Common;

namespace ETicket.Search;

/// <summary>
/// Where a page ends: the sort values of its last hit, and the listing id as the unique tie-breaker.
/// Paging is keyset (search_after) on these values, never an offset.
/// </summary>
/// <param name="Score">RELEVANCE only: the hit's tier (see <see cref="ListingSearchSort.Relevance"/>).</param>
/// <param name="Key">
/// The sorted value as a whole number: ticks of publishedAt (RELEVANCE, NEWEST), of startsAt (STARTS_AT_ASC,
/// <see cref="long.MaxValue"/> for none, so those come last), or the price in cents (PRICE_*).
/// </param>
/// <param name="PagingStartedAt">When the walk's first page was asked for (see <see cref="ListingSearchQuery.RepricedAtOrBefore"/>);
/// null in cursors given out before it was kept.</param>
public sealed record SearchCursor(ListingSearchSort Sort, float? Score, long Key, string ListingId, DateTimeOffset? PagingStartedAt = null)
{
    private const string Prefix = "s2";
    private const string PrefixWithoutStart = "s1";

    public string Encode()
    {
        var score = Score?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        var parts = new List<string> { PagingStartedAt is null ? PrefixWithoutStart : Prefix, ((int)Sort).ToString(CultureInfo.InvariantCulture),
            score, Key.ToString(CultureInfo.InvariantCulture), ListingId };
        if (PagingStartedAt is { } started)
            parts.Add(started.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var text = string.Join(':', parts);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor this API gave out for <paramref name="sort"/>; anything else is bad input.</summary>
    public static SearchCursor Decode(string cursor, ListingSearchSort sort)
    {
        if (cursor.Length > PageRequest.MaxCursorLength || !TryDecode(cursor, out var decoded))
            throw new BadInputException("`after` is not a cursor this API gave out.");
        if (decoded.Sort != sort)
            throw new BadInputException("`after` comes from a search with another sort; page with the same sort, or start again.");
        return decoded;
    }

    private static bool TryDecode(string cursor, out SearchCursor decoded)
    {
        decoded = null!;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length))
            return false;
        var parts = Encoding.UTF8.GetString(bytes, 0, length).Split(':');
        var withStart = parts[0] == Prefix;
        if (parts.Length != (withStart ? 6 : 5) || parts[0] is not (Prefix or PrefixWithoutStart)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sortNumber)
            || !Enum.IsDefined((ListingSearchSort)sortNumber)
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !Ids.IsWellFormed(parts[4]))
            return false;
        DateTimeOffset? started = null;
        if (withStart)
        {
            // After 1970, as every time this API gives out, so arithmetic on it cannot leave the calendar.
            if (!long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.UnixEpoch.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            started = new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        var sort = (ListingSearchSort)sortNumber;
        float? score = null;
        if (sort == ListingSearchSort.Relevance)
        {
            if (!float.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
                return false;
            score = value;
        }
        else if (parts[2].Length > 0)
            return false;
        decoded = new SearchCursor(sort, score, key, parts[4], started);
        return true;
    }
}
