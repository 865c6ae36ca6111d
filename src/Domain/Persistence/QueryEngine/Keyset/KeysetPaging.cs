using ETicket.Domain.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>
/// Relay paging by keyset, in SQL: a page is "the next N rows after the cursor's position in the
/// ordering", never an OFFSET, so rows inserted meanwhile neither shift nor repeat a page.
/// </summary>
public static class KeysetPaging
{
    public static Task<Page<T>> PageAsync<T>(IQueryable<T> items, Ordering<T> ordering, PageRequest request, CancellationToken cancellationToken) =>
        PageAsync(new QueryableKeysetSource<T>(items), ordering, request, cancellationToken);

    public static async Task<Page<T>> PageAsync<T>(IKeysetSource<T> source, Ordering<T> ordering, PageRequest request, CancellationToken cancellationToken)
    {
        request = request.Validated();
        var backward = request.Backward;
        var walk = backward ? ordering.Reversed() : ordering;
        var cursorText = backward ? request.Before : request.After;
        var cursor = cursorText is null ? null : Decode(cursorText, ordering);

        var rows = await WindowAsync(source, walk, cursor, request.Size + 1, cancellationToken);
        var more = rows.Count > request.Size;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (backward)
            rows.Reverse();

        // Rows on the other side of the cursor exist when the cursor points inside the list: a query
        // of its own, so it runs only when pageInfo asks (a market page scrolling on never does).
        Func<CancellationToken, Task<bool>> beyondCursor = cursor is null
            ? Page<T>.Known(false)
            : ct => source.Items.AnyAsync(KeysetPredicates.Not(KeysetPredicates.After(walk, cursor)), ct);

        return ToPage(rows, ordering,
            hasNextPage: backward ? beyondCursor : Page<T>.Known(more),
            hasPreviousPage: backward ? Page<T>.Known(more) : beyondCursor,
            countTotal: ct => source.Items.CountAsync(ct));
    }

    /// <summary>
    /// The first <paramref name="take"/> rows after <paramref name="cursor"/> in <paramref name="walk"/> order.
    /// When the first key is nullable, the rows with a value and those without are read as two
    /// segments, each in index order: ordering by "key is null" would make the database sort every
    /// matching row before it could stop at the limit (docs/benchmarks.md). The second segment is
    /// read only when the first runs out within the page.
    /// </summary>
    private static async Task<List<T>> WindowAsync<T>(IKeysetSource<T> source, Ordering<T> walk, object?[]? cursor, int take, CancellationToken cancellationToken)
    {
        var lead = walk.Keys[0];
        if (!lead.IsNullable)
            return await source.ReadAsync(new KeysetWindow<T>(null, walk, cursor, take), cancellationToken);

        var cursorInPresent = cursor is not null && cursor[0] is not null;
        var cursorInAbsent = cursor is not null && cursor[0] is null;
        // A segment that lies wholly before the cursor is skipped; the one holding it starts after it.
        var present = (Rows: lead.IsNotNull!, Order: walk.LeadPresent(), After: cursorInPresent ? cursor : null,
            Skip: cursorInAbsent && lead.NullsLast);
        var absent = (Rows: lead.IsNull!, Order: walk.WithoutLead(), After: cursorInAbsent ? cursor![1..] : null,
            Skip: cursorInPresent && !lead.NullsLast);

        var rows = new List<T>(take);
        foreach (var segment in lead.NullsLast ? [present, absent] : new[] { absent, present })
        {
            if (segment.Skip)
                continue;
            rows.AddRange(await source.ReadAsync(new KeysetWindow<T>(segment.Rows, segment.Order, segment.After, take - rows.Count), cancellationToken));
            if (rows.Count == take)
                break;
        }
        return rows;
    }

    /// <summary>
    /// The first page of several lists at once (e.g. each seller's newest listings), from rows already
    /// loaded in the ordering, up to one more than <paramref name="size"/> per list.
    /// </summary>
    public static Page<T> FirstPage<T>(IReadOnlyList<T> rowsPlusOne, Ordering<T> ordering, int size, Func<CancellationToken, Task<int>> countTotal) =>
        ToPage(rowsPlusOne.Take(size).ToList(), ordering, hasNextPage: Page<T>.Known(rowsPlusOne.Count > size), hasPreviousPage: Page<T>.Known(false), countTotal);

    private static Page<T> ToPage<T>(List<T> rows, Ordering<T> ordering,
        Func<CancellationToken, Task<bool>> hasNextPage, Func<CancellationToken, Task<bool>> hasPreviousPage, Func<CancellationToken, Task<int>> countTotal) =>
        new([.. rows.Select(row => new PageItem<T>(row, ordering.Cursor))], hasNextPage, hasPreviousPage, countTotal);

    /// <summary>Refuses (BadInputException) a cursor that <paramref name="ordering"/>'s pages did not give out.</summary>
    public static void CheckCursor<T>(string cursor, Ordering<T> ordering) => Decode(cursor, ordering);

    internal static string Encode<T>(T row, Ordering<T> ordering)
    {
        var values = new List<string?> { ordering.Signature };
        values.AddRange(ordering.Keys.Select(k => k.Format(k.ValueOf(row))));
        return System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values));
    }

    private static object?[] Decode<T>(string cursor, Ordering<T> ordering)
    {
        List<string?>? parts = null;
        try
        {
            parts = JsonSerializer.Deserialize<List<string?>>(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
        }
        if (parts is null || parts.Count != ordering.Keys.Count + 1)
            throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
        if (parts[0] != ordering.Signature)
            throw new BadInputException("This cursor belongs to a list in another order; page with cursors from the same `order`.");
        var values = new object?[ordering.Keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!ordering.Keys[i].TryParse(parts[i + 1], out values[i]))
                throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
        }
        if (values[^1] is not string id || !Ids.IsWellFormed(id))
            throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
        return values;
    }
}
