using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Common;

/// <summary>
/// Keyset paging, newest first: ordered by a time descending with the id (unique) as tie-breaker,
/// so every row has exactly one place and a cursor is (time, id). Runs in SQL; no OFFSET.
/// </summary>
public static class NewestFirstPaging
{
    public static async Task<Page<T>> PageAsync<T>(
        IQueryable<T> items,
        Expression<Func<T, DateTimeOffset>> timeOf,
        Expression<Func<T, string>> idOf,
        PageRequest request,
        CancellationToken cancellationToken)
    {
        request = request.Validated();
        var cursorText = request.Backward ? request.Before : request.After;
        var cursor = cursorText is null ? default((DateTimeOffset At, string Id)?) : Decode(cursorText);
        var time = timeOf.Compile();
        var id = idOf.Compile();

        var window = items;
        if (cursor is { } after)
            window = window.Where(Beyond(timeOf, idOf, after, newer: request.Backward, inclusive: false));
        window = request.Backward
            ? window.OrderBy(timeOf).ThenBy(idOf)
            : window.OrderByDescending(timeOf).ThenByDescending(idOf);

        var rows = await window.Take(request.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > request.Size;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (request.Backward)
            rows.Reverse();

        // Rows on the other side of the cursor exist when the cursor points inside the list.
        var beyondCursor = cursor is { } c
            && await items.AnyAsync(Beyond(timeOf, idOf, c, newer: !request.Backward, inclusive: true), cancellationToken);

        var pageItems = rows.Select(row => new PageItem<T>(row, Encode(time(row), id(row)))).ToList();
        return new Page<T>(
            pageItems,
            HasNextPage: request.Backward ? beyondCursor : more,
            HasPreviousPage: request.Backward ? more : beyondCursor,
            CountTotal: ct => items.CountAsync(ct));
    }

    /// <summary>time &gt; at || (time == at &amp;&amp; id &gt; cursorId) for newer rows, mirrored for older; with == on the id when inclusive.</summary>
    private static Expression<Func<T, bool>> Beyond<T>(
        Expression<Func<T, DateTimeOffset>> timeOf, Expression<Func<T, string>> idOf, (DateTimeOffset At, string Id) cursor, bool newer, bool inclusive)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var time = new ReplaceParameter(timeOf.Parameters[0], row).Visit(timeOf.Body);
        var id = new ReplaceParameter(idOf.Parameters[0], row).Visit(idOf.Body);
        // Constants wrapped in closures become SQL parameters, like captured variables.
        var at = ((Expression<Func<DateTimeOffset>>)(() => cursor.At)).Body;
        var cursorId = ((Expression<Func<string>>)(() => cursor.Id)).Body;
        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, id, cursorId);
        var zero = Expression.Constant(0);

        var timeBeyond = newer ? Expression.GreaterThan(time, at) : Expression.LessThan(time, at);
        var idBeyond = (newer, inclusive) switch
        {
            (true, false) => Expression.GreaterThan(compare, zero),
            (true, true) => Expression.GreaterThanOrEqual(compare, zero),
            (false, false) => Expression.LessThan(compare, zero),
            (false, true) => Expression.LessThanOrEqual(compare, zero),
        };
        var body = Expression.OrElse(timeBeyond, Expression.AndAlso(Expression.Equal(time, at), idBeyond));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static string Encode(DateTimeOffset time, string id) =>
        Cursors.Encode(time.UtcTicks.ToString(CultureInfo.InvariantCulture), id);

    private static (DateTimeOffset, string) Decode(string cursor)
    {
        var parts = Cursors.Decode(cursor, 2);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks && Ids.IsWellFormed(parts[1])
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
            : throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
