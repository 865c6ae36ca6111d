using System.Globalization;
using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings;

/// <summary>Keyset paging over (PublishedAt, Id) descending: the id breaks ties, so every row has one place.</summary>
public static class NewestFirst
{
    public static async Task<Page<Listing>> PageAsync(IQueryable<Listing> listings, PageRequest request, CancellationToken cancellationToken)
    {
        request = request.Validated();
        var cursorText = request.Backward ? request.Before : request.After;
        var (at, id) = cursorText is null ? default : Decode(cursorText);

        var window = listings;
        if (cursorText is not null)
        {
            window = request.Backward
                ? window.Where(l => l.PublishedAt > at || (l.PublishedAt == at && string.Compare(l.Id, id) > 0))
                : window.Where(l => l.PublishedAt < at || (l.PublishedAt == at && string.Compare(l.Id, id) < 0));
        }
        window = request.Backward
            ? window.OrderBy(l => l.PublishedAt).ThenBy(l => l.Id)
            : window.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id);

        var rows = await window.Take(request.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > request.Size;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (request.Backward)
            rows.Reverse();

        // Rows on the other side of the cursor exist when the cursor points inside the list.
        var beyondCursor = cursorText is not null && await listings.AnyAsync(request.Backward
            ? l => l.PublishedAt < at || (l.PublishedAt == at && string.Compare(l.Id, id) <= 0)
            : l => l.PublishedAt > at || (l.PublishedAt == at && string.Compare(l.Id, id) >= 0), cancellationToken);

        var items = rows.Select(l => new PageItem<Listing>(l, Encode(l))).ToList();
        return new Page<Listing>(
            items,
            HasNextPage: request.Backward ? beyondCursor : more,
            HasPreviousPage: request.Backward ? more : beyondCursor,
            CountTotal: ct => listings.CountAsync(ct));
    }

    private static string Encode(Listing listing) =>
        Cursors.Encode(listing.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), listing.Id);

    private static (DateTimeOffset PublishedAt, string Id) Decode(string cursor)
    {
        var parts = Cursors.Decode(cursor, 2);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks is >= 0 and <= 3155378975999999999 && Ids.IsWellFormed(parts[1])
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
            : throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
    }
}
