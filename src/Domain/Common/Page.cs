namespace ETicket.Domain.Common;

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
