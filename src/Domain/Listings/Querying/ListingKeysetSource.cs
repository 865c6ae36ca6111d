using System.Linq.Expressions;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using ETicket.Domain.Persistence.QueryEngine;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Querying;

/// <summary>
/// The market's rows for keyset paging: listings matching a filter, only the columns asked for.
/// Each window runs as an EF Core compiled query kept per shape (filter shape, ordering, segment,
/// cursor, columns; see <see cref="CompiledShapes{TContext, T}"/>), so a request pays neither EF
/// Core's walk of the expression tree nor its cache lookup by the whole tree. The SQL is what the
/// LINQ query over <see cref="Items"/> makes, which is also what runs when a shape cannot be compiled.
/// </summary>
internal sealed class ListingKeysetSource(ETicketDbContext db, CompiledShapes<ETicketDbContext, Listing> shapes, ListingFilterPlan? filter, ListingColumns columns) : IKeysetSource<Listing>
{
    private static readonly System.Reflection.MethodInfo AsNoTracking =
        typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!.MakeGenericMethod(typeof(Listing));

    private static readonly System.Reflection.MethodInfo Take =
        new Func<IQueryable<Listing>, int, IQueryable<Listing>>(Queryable.Take).Method;

    private IQueryable<Listing>? _items;

    public IQueryable<Listing> Items => _items ??= filter is null
        ? db.Listings.AsNoTracking()
        : db.Listings.AsNoTracking().Where(filter.Predicate());

    public async Task<List<Listing>> ReadAsync(KeysetWindow<Listing> window, CancellationToken cancellationToken)
    {
        var filterValues = filter?.Values.Count ?? 0;
        var key = new Shape(filter?.Shape, window.Segment, window.Order, window.AfterShape, columns);
        var compiled = shapes.TryGet(db, key, (this, window), static state => state.Item1.Describe(state.window));
        if (compiled is null)
        {
            var query = window.Apply(Items);
            return await (columns.Projection() is { } projection ? query.Select(projection) : query).ToListAsync(cancellationToken);
        }

        // The values in the order Describe numbers them: the filter's, the cursor's (one per key), the limit.
        var values = new object?[filterValues + (window.After?.Length ?? 0) + 1];
        for (var i = 0; i < filterValues; i++)
            values[i] = filter!.Values[i];
        window.After?.CopyTo(values, filterValues);
        values[^1] = window.Take;

        var rows = new List<Listing>(window.Take);
        await foreach (var row in compiled(db, values).WithCancellation(cancellationToken))
            rows.Add(row);
        return rows;
    }

    /// <summary>The window's query over a context, each value a lambda parameter.</summary>
    private QueryShape Describe(KeysetWindow<Listing> window)
    {
        var filterValues = filter?.Values.Count ?? 0;
        var order = window.Order;
        var types = new List<Type>();
        if (filter is not null)
            types.AddRange(filter.ValueTypes);
        if (window.After is not null)
            types.AddRange(order.Keys.Select(k => k.KeyType));
        types.Add(typeof(int));

        return new QueryShape(types, (context, values) =>
        {
            // LINQ over an EnumerableQuery builds the same tree EF Core would get, without running anything.
            var root = Expression.Call(AsNoTracking, Expression.Property(context, nameof(ETicketDbContext.Listings)));
            IQueryable<Listing> rows = new EnumerableQuery<Listing>(root);
            if (filter is not null)
                rows = rows.Where(filter.Predicate(i => values[i]));
            if (window.Segment is not null)
                rows = rows.Where(window.Segment);
            if (window.After is not null)
                rows = rows.Where(KeysetPredicates.After(order, window.After, (i, _) => values[filterValues + i]));
            rows = KeysetPredicates.OrderBy(rows, order);
            rows = new EnumerableQuery<Listing>(Expression.Call(Take, rows.Expression, values[^1]));
            if (columns.Projection() is { } projection)
                rows = rows.Select(projection);
            return rows.Expression;
        });
    }

    /// <summary>What decides a window's SQL; the segment and ordering are long-lived objects, compared by reference.</summary>
    private sealed record Shape(string? Filter, object? Segment, object Order, int After, ListingColumns Columns);
}
