using System.Runtime.ExceptionServices;
using GraphQL.DataLoader;

namespace ETicket.Graph.Common;

/// <summary>
/// A per-request batch loader. Resolvers ask for keys and get a pending result; when the executor
/// first awaits one, every key asked for so far is fetched in one call, and answers are cached for
/// the rest of the request. Requests execute serially (see GraphRegistration), so no locking is needed.
/// </summary>
public abstract class BatchLoader<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, TValue?> _loaded = [];
    private readonly HashSet<TKey> _pending = [];
    // Keys whose batch failed, with why: each of their fields fails with that error instead of a null.
    private readonly Dictionary<TKey, ExceptionDispatchInfo> _failed = [];

    /// <summary>Loads the values for <paramref name="keys"/>; missing keys are simply absent.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken);

    public IDataLoaderResult<TValue?> Load(TKey key) => LoadAs<TValue>(key);

    /// <summary>Like <see cref="Load"/>, typed as a base type of the value (data loader results are not covariant).</summary>
    public IDataLoaderResult<TResult?> LoadAs<TResult>(TKey key) where TResult : class
    {
        if (!_loaded.ContainsKey(key) && !_failed.ContainsKey(key))
            _pending.Add(key);
        return new Pending<TResult>(this, key);
    }

    /// <summary>Values loaded so far are fetched again with the next batch (what they were loaded with no longer suffices).</summary>
    protected void ReloadAll()
    {
        _pending.UnionWith(_loaded.Keys);
        _pending.UnionWith(_failed.Keys);
        _loaded.Clear();
        _failed.Clear();
    }

    // A ValueTask: after the batch's first key, every key is answered without a task of its own.
    private async ValueTask<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(key, out var value))
        {
            await DispatchAsync(cancellationToken);
            _failed.GetValueOrDefault(key)?.Throw();
            value = _loaded.GetValueOrDefault(key);
        }
        return value;
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
            return;
        var keys = _pending.ToArray();
        _pending.Clear();
        IReadOnlyDictionary<TKey, TValue> found;
        try
        {
            found = await FetchAsync(keys, cancellationToken);
        }
        catch (Exception ex)
        {
            // Every field waiting on this batch fails with the reason, not only the one that awaited first.
            var failure = ExceptionDispatchInfo.Capture(ex);
            foreach (var key in keys)
                _failed[key] = failure;
            return;
        }
        _loaded.EnsureCapacity(_loaded.Count + keys.Length);
        foreach (var key in keys)
            _loaded[key] = found.GetValueOrDefault(key);
    }

    private sealed class Pending<TResult>(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TResult?>
        where TResult : class
    {
        public async Task<TResult?> GetResultAsync(CancellationToken cancellationToken = default) =>
            await loader.GetAsync(key, cancellationToken) as TResult;

        // Straight to the loader, not through the typed method: one task per key instead of two.
        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await loader.GetAsync(key, cancellationToken) as TResult;
    }
}
