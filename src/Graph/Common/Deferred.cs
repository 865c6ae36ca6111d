using GraphQL.DataLoader;

namespace ETicket.Graph.Common;

/// <summary>Work the executor runs in its data loader phase, after the fields around it resolved.</summary>
public sealed class Deferred<T>(Func<CancellationToken, Task<T>> work) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => work(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await work(cancellationToken);
}
