namespace ETicket.Domain.Common;

/// <summary>Where a page sits in its list. A flag may need a query of its own: it runs only when asked for.</summary>
public interface IPageInfo
{
    Task<bool> HasNextPageAsync(CancellationToken cancellationToken);
    Task<bool> HasPreviousPageAsync(CancellationToken cancellationToken);
    string? StartCursor { get; }
    string? EndCursor { get; }
}
