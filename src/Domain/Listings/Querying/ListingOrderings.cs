using System.Collections.Concurrent;
using ETicket.Domain.Persistence.QueryEngine.Keyset;

namespace ETicket.Domain.Listings.Querying;

/// <summary>The orderings clients ask for, each ending with the id so every listing has one place.</summary>
public static class ListingOrderings
{
    /// <summary>Without an order, newest first.</summary>
    public static readonly Ordering<Listing> NewestFirst = Ordering<Listing>.NewestFirst(l => l.PublishedAt, l => l.Id);

    // An ordering compiles its keys' value readers and builds its expressions: made once per distinct
    // `order` and reused by every request (at most a few hundred: four fields, two directions each).
    private static readonly ConcurrentDictionary<string, Ordering<Listing>> Made = new(StringComparer.Ordinal);

    public static Ordering<Listing> For(IReadOnlyList<ListingSort> sorts)
    {
        if (sorts.Count == 0)
            return NewestFirst;
        if (sorts.GroupBy(s => s.Field).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new Common.BadInputException($"`order` names {repeated.Key} more than once; name each field at most once.");
        var key = string.Join(",", sorts.Select(s => $"{(int)s.Field}{(s.Descending ? '-' : '+')}"));
        return Made.TryGetValue(key, out var made)
            ? made
            : Made.GetOrAdd(key, _ => new Ordering<Listing>([.. sorts.Select(Key)], l => l.Id, idDescending: false));
    }

    /// <summary>The columns an order reads (its cursors hold them); without an order, the publishing time.</summary>
    public static ListingColumns ColumnsOf(IReadOnlyList<ListingSort> sorts)
    {
        if (sorts.Count == 0)
            return ListingColumns.PublishedAt;
        var columns = ListingColumns.None;
        foreach (var sort in sorts)
        {
            columns |= sort.Field switch
            {
                ListingField.Price => ListingColumns.Price,
                ListingField.StartsAt => ListingColumns.StartsAt,
                ListingField.PublishedAt => ListingColumns.PublishedAt,
                ListingField.Title => ListingColumns.Title,
                _ => ListingColumns.None,
            };
        }
        return columns;
    }

    private static SortKey<Listing> Key(ListingSort sort) => sort.Field switch
    {
        ListingField.Price => SortKey<Listing>.By("price", l => l.Price, sort.Descending),
        ListingField.StartsAt => SortKey<Listing>.By("startsAt", l => l.StartsAt, sort.Descending),
        ListingField.PublishedAt => SortKey<Listing>.By("publishedAt", l => l.PublishedAt, sort.Descending),
        ListingField.Title => SortKey<Listing>.By("title", l => l.Title, sort.Descending),
        _ => throw new Common.BadInputException($"Listings cannot be sorted by {sort.Field}."),
    };
}
