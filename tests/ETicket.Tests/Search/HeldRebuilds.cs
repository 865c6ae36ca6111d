using ETicket.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Search;

/// <summary>
/// The server's search index, whose next rebuild waits (once armed) until the test lets it go, so a
/// test can act while a rebuild runs. Everything else goes straight to the real index.
/// </summary>
public sealed class HeldRebuilds(IListingSearchIndex index) : IListingSearchIndex
{
    private TaskCompletionSource? _reached;
    private TaskCompletionSource? _release;

    /// <summary>Replaces the server's index with one whose rebuilds can be held.</summary>
    public static void Install(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IListingSearchIndex));
        services.Remove(real);
        services.AddSingleton(provider => new HeldRebuilds((IListingSearchIndex)real.ImplementationFactory!(provider)));
        services.AddSingleton<IListingSearchIndex>(provider => provider.GetRequiredService<HeldRebuilds>());
    }

    /// <summary>Holds the next rebuild; the task completes once it is held.</summary>
    public Task HoldNext()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    public void Release() => _release?.TrySetResult();

    public string? SharedName => index.SharedName;

    public async Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, RebuiltIndex position, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reached, null) is { } reached)
        {
            reached.SetResult();
            await _release!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        await index.RebuildAsync(documents, position, cancellationToken);
    }

    public Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken) => index.SearchAsync(query, cancellationToken);

    public Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken) =>
        index.WriteAsync(documents, cancellationToken);

    public Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken) => index.InspectAsync(cancellationToken);

    public Task<bool> SaveCheckpointAsync(long sequence, RebuiltIndex? following, CancellationToken cancellationToken) =>
        index.SaveCheckpointAsync(sequence, following, cancellationToken);
}
