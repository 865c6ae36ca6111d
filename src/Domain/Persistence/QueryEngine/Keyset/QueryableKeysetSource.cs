using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence.QueryEngine.Keyset;

/// <summary>A list given as a LINQ query; each window is an ordinary EF Core query over it.</summary>
public sealed class QueryableKeysetSource<T>(IQueryable<T> items) : IKeysetSource<T>
{
    public IQueryable<T> Items => items;

    public Task<List<T>> ReadAsync(KeysetWindow<T> window, CancellationToken cancellationToken) =>
        window.Apply(items).ToListAsync(cancellationToken);
}
