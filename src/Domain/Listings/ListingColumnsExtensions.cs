using System.Linq.Expressions;
using ETicket.Domain.Persistence.QueryEngine;

namespace ETicket.Domain.Listings;

public static class ListingColumnsExtensions
{
    /// <summary>
    /// The projection that loads just these columns into a listing (the others keep their defaults),
    /// or null for all of them (the entity as mapped). Each flag names the property it loads. Built
    /// each time (2^20 sets of columns are too many to keep): once per compiled shape, and per read
    /// only for a query that cannot be compiled (docs/caches.md).
    /// </summary>
    public static Expression<Func<Listing, Listing>>? Projection(this ListingColumns columns) =>
        (columns & ListingColumns.All) == ListingColumns.All ? null
            : EntityProjection<Listing>.Of([.. Enum.GetValues<ListingColumns>()
                .Where(c => c is not (ListingColumns.None or ListingColumns.All) && columns.HasFlag(c))
                .Select(c => c.ToString())]);
}
