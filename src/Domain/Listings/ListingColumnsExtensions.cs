using System.Collections.Concurrent;
using System.Linq.Expressions;
using ETicket.Domain.Persistence.QueryEngine;

namespace ETicket.Domain.Listings;

public static class ListingColumnsExtensions
{
    private static readonly ConcurrentDictionary<ListingColumns, Expression<Func<Listing, Listing>>> Projections = new();

    /// <summary>
    /// The projection that loads just these columns into a listing (the others keep their defaults),
    /// or null for all of them (the entity as mapped). Each flag names the property it loads.
    /// </summary>
    public static Expression<Func<Listing, Listing>>? Projection(this ListingColumns columns) =>
        (columns & ListingColumns.All) == ListingColumns.All ? null : Projections.GetOrAdd(columns & ListingColumns.All, static columns =>
            EntityProjection<Listing>.Of([.. Enum.GetValues<ListingColumns>()
                .Where(c => c is not (ListingColumns.None or ListingColumns.All) && columns.HasFlag(c))
                .Select(c => c.ToString())]));
}
