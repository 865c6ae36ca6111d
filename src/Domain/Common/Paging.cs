namespace ETicket.Domain.Common;

/// <summary>A Relay page request: either <c>first</c>/<c>after</c> forward or <c>last</c>/<c>before</c> backward.</summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>
    /// Longer than any cursor this API gives out (four sort keys, a 100-character title among them),
    /// so a forged one cannot carry a huge value into the query.
    /// </summary>
    public const int MaxCursorLength = 2048;

    public bool Backward => Last is not null || (Before is not null && First is null);
    public int Size => (Backward ? Last : First) ?? DefaultSize;

    /// <summary>Refuses counts and combinations that have no sensible answer.</summary>
    public PageRequest Validated()
    {
        if (First is not null && Last is not null)
            throw new BadInputException("Ask for either `first` or `last`, not both.");
        if (After is not null && Before is not null)
            throw new BadInputException("Page with either `after` or `before`, not both.");
        if (First is not null && Before is not null || Last is not null && After is not null)
            throw new BadInputException("`first` pages forward from `after`; `last` pages backward from `before`.");
        foreach (var (name, cursor) in new[] { ("after", After), ("before", Before) })
        {
            if (cursor?.Length > MaxCursorLength)
                throw new BadInputException($"`{name}` is not a cursor this API gave out.");
        }
        foreach (var (name, value) in new[] { ("first", First), ("last", Last) })
        {
            if (value is < 0)
                throw new BadInputException($"`{name}` cannot be negative.");
            if (value > MaxSize)
                throw new BadInputException($"`{name}` can be at most {MaxSize}.");
        }
        return this;
    }
}

/// <summary>Where a page sits in its list. A flag may need a query of its own: it runs only when asked for.</summary>
public interface IPageInfo
{
    Task<bool> HasNextPageAsync(CancellationToken cancellationToken);
    Task<bool> HasPreviousPageAsync(CancellationToken cancellationToken);
    string? StartCursor { get; }
    string? EndCursor { get; }
}

/// <summary>One page of a connection, its neighbours, and how to count the whole (only when asked).</summary>
public sealed record Page<T>(
    IReadOnlyList<PageItem<T>> Items,
    Func<CancellationToken, Task<bool>> HasNextPage,
    Func<CancellationToken, Task<bool>> HasPreviousPage,
    Func<CancellationToken, Task<int>> CountTotal) : IPageInfo
{
    public string? StartCursor => Items.Count > 0 ? Items[0].Cursor : null;
    public string? EndCursor => Items.Count > 0 ? Items[^1].Cursor : null;

    public Task<bool> HasNextPageAsync(CancellationToken cancellationToken) => HasNextPage(cancellationToken);

    public Task<bool> HasPreviousPageAsync(CancellationToken cancellationToken) => HasPreviousPage(cancellationToken);

    /// <summary>A flag known without asking the database.</summary>
    public static Func<CancellationToken, Task<bool>> Known(bool value) => value ? True : False;

    private static readonly Func<CancellationToken, Task<bool>> True = _ => Task.FromResult(true);
    private static readonly Func<CancellationToken, Task<bool>> False = _ => Task.FromResult(false);
}

/// <summary>One item of a page; its cursor is worked out when first asked for (a page usually shows one or none).</summary>
public sealed class PageItem<T>(T node, Func<T, string> cursorOf)
{
    private string? _cursor;

    public PageItem(T node, string cursor)
        : this(node, _ => cursor) => _cursor = cursor;

    public T Node { get; } = node;

    public string Cursor => _cursor ??= cursorOf(Node);
}

/// <summary>A request that cannot be served as sent (bad paging, malformed cursor): BAD_USER_INPUT.</summary>
public sealed class BadInputException(string message) : Exception(message);
