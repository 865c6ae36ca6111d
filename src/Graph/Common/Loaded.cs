using GraphQL.DataLoader;

namespace ETicket.Graph.Common;

/// <summary>A value already at hand, where a data loader result is expected.</summary>
public sealed class Loaded<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
