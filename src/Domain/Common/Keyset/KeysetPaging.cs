using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Common.Keyset;

/// <summary>
/// Relay paging by keyset, in SQL: a page is "the next N rows after the cursor's position in the
/// ordering", never an OFFSET, so rows inserted meanwhile neither shift nor repeat a page.
/// </summary>
public static class KeysetPaging
{
    public static async Task<Page<T>> PageAsync<T>(IQueryable<T> items, Ordering<T> ordering, PageRequest request, CancellationToken cancellationToken)
    {
        request = request.Validated();
        var backward = request.Backward;
        var walk = backward ? ordering.Reversed() : ordering;
        var cursorText = backward ? request.Before : request.After;
        var cursor = cursorText is null ? null : Decode(cursorText, ordering);

        var window = cursor is null ? items : items.Where(KeysetPredicates.After(walk, cursor));
        var rows = await KeysetPredicates.OrderBy(window, walk).Take(request.Size + 1).ToListAsync(cancellationToken);
        var more = rows.Count > request.Size;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (backward)
            rows.Reverse();

        // Rows on the other side of the cursor exist when the cursor points inside the list.
        var beyondCursor = cursor is not null
            && await items.AnyAsync(KeysetPredicates.Not(KeysetPredicates.After(walk, cursor)), cancellationToken);

        return ToPage(rows, ordering, hasNextPage: backward ? beyondCursor : more, hasPreviousPage: backward ? more : beyondCursor,
            countTotal: ct => items.CountAsync(ct));
    }

    /// <summary>
    /// The first page of several lists at once (e.g. each seller's newest listings), from rows already
    /// loaded in the ordering, up to one more than <paramref name="size"/> per list.
    /// </summary>
    public static Page<T> FirstPage<T>(IReadOnlyList<T> rowsPlusOne, Ordering<T> ordering, int size, Func<CancellationToken, Task<int>> countTotal) =>
        ToPage(rowsPlusOne.Take(size).ToList(), ordering, hasNextPage: rowsPlusOne.Count > size, hasPreviousPage: false, countTotal);

    private static Page<T> ToPage<T>(List<T> rows, Ordering<T> ordering, bool hasNextPage, bool hasPreviousPage, Func<CancellationToken, Task<int>> countTotal) =>
        new([.. rows.Select(row => new PageItem<T>(row, Encode(row, ordering)))], hasNextPage, hasPreviousPage, countTotal);

    private static string Encode<T>(T row, Ordering<T> ordering)
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
