namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>Where keyset paging reads its rows from.</summary>
public interface IKeysetSource<T>
{
    /// <summary>The whole list as a query: what counting and "is there anything before the cursor" run on.</summary>
    IQueryable<T> Items { get; }

    /// <summary>The rows of one window.</summary>
    Task<List<T>> ReadAsync(KeysetWindow<T> window, CancellationToken cancellationToken);
}
