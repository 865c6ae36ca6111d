using ETicket.Domain.Common.Keyset;

namespace ETicket.Domain.Listings.Querying;

/// <summary>The orderings clients ask for, each ending with the id so every listing has one place.</summary>
public static class ListingOrderings
{
    /// <summary>Without an order, newest first.</summary>
    public static readonly Ordering<Listing> NewestFirst = Ordering<Listing>.NewestFirst(l => l.PublishedAt, l => l.Id);

    public static Ordering<Listing> For(IReadOnlyList<ListingSort> sorts)
    {
        if (sorts.Count == 0)
            return NewestFirst;
        if (sorts.GroupBy(s => s.Field).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new Common.BadInputException($"`order` names {repeated.Key} more than once; name each field at most once.");
        return new Ordering<Listing>([.. sorts.Select(Key)], l => l.Id, idDescending: false);
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
