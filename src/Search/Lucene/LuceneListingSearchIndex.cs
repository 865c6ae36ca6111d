using Lucene.Net.Store;

namespace ETicket.Search.Lucene;

/// <summary>
/// The embedded search backend: a Lucene index in a folder of its own (the platform passes
/// `ETicket:DataDirectory`/search). Searches read a near-real-time view, so a write is found as soon
/// as its batch is applied; commits to disk are batched (once a second at most, and at each saved
/// checkpoint), since the outbox replays whatever a crash lost. One writer, many searches.
/// </summary>
public sealed class LuceneListingSearchIndex : IListingSearchIndex, IDisposable
{
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(1);

    /// <summary>Snapshot documents handed to the new index at a time, between which live writes get their turn.</summary>
    private const int RebuildBatchSize = 2_000;

    private readonly IndexDirectories directories;
    private readonly ITimer commitTimer;

    /// <summary>Serializes writes, commits and the switch to a rebuilt index.</summary>
    private readonly SemaphoreSlim writeGate = new(1, 1);

    private readonly SemaphoreSlim rebuildGate = new(1, 1);
    private readonly List<ListingIndexStore> retired = [];
    private ListingIndexStore? current;
    private ListingIndexStore? building;
    private bool unreadable;
    private bool disposed;

    /// <param name="directory">The folder the index lives in; created by the first rebuild.</param>
    /// <param name="timeProvider">Times the batched commits.</param>
    public LuceneListingSearchIndex(string directory, TimeProvider? timeProvider = null)
    {
        directories = new IndexDirectories(directory);
        current = OpenCurrent();
        commitTimer = (timeProvider ?? TimeProvider.System).CreateTimer(_ => CommitChanges(), null, CommitInterval, CommitInterval);
    }

    /// <summary>Each process has its own embedded index, and rebuilds it itself.</summary>
    public string? SharedName => null;

    public Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var store = AcquireCurrent();
        try
        {
            return Task.FromResult(store.Search(query));
        }
        finally
        {
            store.Release();
        }
    }

    public async Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (current is null && building is null)
                throw Unavailable();
            // During a rebuild both get them: the old index keeps answering, the new one must not miss them.
            current?.Apply(documents);
            building?.Apply(documents);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken)
    {
        var store = Volatile.Read(ref current);
        var state = store switch
        {
            null => new SearchIndexState(unreadable ? SearchIndexHealth.Corrupt : SearchIndexHealth.Missing, null),
            _ when store.MappingVersion < ListingFields.MappingVersion => new SearchIndexState(SearchIndexHealth.Outdated, store.Checkpoint),
            _ => new SearchIndexState(SearchIndexHealth.Ready, store.Checkpoint),
        };
        return Task.FromResult(state);
    }

    public async Task<bool> SaveCheckpointAsync(long sequence, RebuiltIndex? following, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            (current ?? throw Unavailable()).Commit(sequence);
            return true; // only this process rebuilds it, and its writes reach the new index during a rebuild
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, RebuiltIndex position, CancellationToken cancellationToken)
    {
        await rebuildGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            lock (retired)
                directories.DeleteAllBut([current?.Path, .. retired.Where(store => !store.IsClosed).Select(store => store.Path)]);
            var fresh = ListingIndexStore.Create(directories.Next());
            var switched = false;
            try
            {
                await UnderWriteGate(() => building = fresh, cancellationToken);
                var batch = new List<ListingSearchDocument>(RebuildBatchSize);
                await foreach (var document in documents.WithCancellation(cancellationToken))
                {
                    batch.Add(document);
                    if (batch.Count < RebuildBatchSize)
                        continue;
                    await UnderWriteGate(() => fresh.AddSnapshot(batch), cancellationToken);
                    batch.Clear();
                }
                await UnderWriteGate(() => fresh.AddSnapshot(batch), cancellationToken);
                await UnderWriteGate(() =>
                {
                    fresh.CompleteRebuild();
                    fresh.Commit(position.Checkpoint);
                    directories.SwitchTo(fresh.Path);
                    var previous = current;
                    Volatile.Write(ref current, fresh);
                    building = null;
                    unreadable = false;
                    switched = true;
                    if (previous is not null)
                    {
                        lock (retired)
                            retired.Add(previous);
                        previous.Retire(); // deleted when its last search ends
                    }
                }, cancellationToken);
                lock (retired)
                    retired.RemoveAll(store => store.IsClosed);
                // An unreadable directory that was never opened has nothing holding it.
                lock (retired)
                    directories.DeleteAllBut([fresh.Path, .. retired.Select(store => store.Path)]);
            }
            finally
            {
                if (!switched)
                {
                    await UnderWriteGate(() => building = null, CancellationToken.None);
                    fresh.Retire();
                }
            }
        }
        finally
        {
            rebuildGate.Release();
        }
    }

    /// <summary>Commits what is uncommitted; call after rebuilds have ended.</summary>
    public void Dispose()
    {
        commitTimer.Dispose();
        writeGate.Wait();
        try
        {
            if (disposed)
                return;
            disposed = true;
            var store = current;
            Volatile.Write(ref current, null);
            store?.Shutdown();
        }
        finally
        {
            writeGate.Release();
        }
    }

    private ListingIndexStore? OpenCurrent()
    {
        try
        {
            return directories.Current() is { } path ? ListingIndexStore.Open(path) : null;
        }
        catch (LockObtainFailedException)
        {
            throw; // another process has this folder open: not damage, and not to be rebuilt over
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever garbage in the files makes Lucene throw (corrupt-index and end-of-file errors,
            // and from some damaged headers argument or range errors): unreadable, to be rebuilt.
            unreadable = true;
            return null;
        }
    }

    private ListingIndexStore AcquireCurrent()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var store = Volatile.Read(ref current) ?? throw Unavailable();
            if (store.TryAcquire())
                return store;
            // It was replaced and closed between the read and the acquire: the next read sees its successor.
        }
    }

    private async Task UnderWriteGate(Action action, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            action();
        }
        finally
        {
            writeGate.Release();
        }
    }

    private void CommitChanges()
    {
        if (!writeGate.Wait(0))
            return; // a write or commit is under way; the next tick commits
        try
        {
            if (!disposed)
                current?.CommitIfChanged();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A timer has no caller to throw to, and an exception here would end the process. This is
            // durability only: the writes are searchable already, and the next commit (or the
            // checkpoint, which throws to its caller) retries them.
        }
        finally
        {
            writeGate.Release();
        }
    }

    private SearchIndexUnavailableException Unavailable() => new(unreadable
        ? "The search index cannot be read; it answers again once rebuilt."
        : "The search index has not been built yet; it answers once built.");
}
