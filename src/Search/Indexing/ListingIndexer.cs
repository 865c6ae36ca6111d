using ETicket.Domain.Events;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ETicket.Search.Indexing;

/// <summary>
/// Keeps the search index up to date from the committed listing events of the outbox: at least
/// once, catching up from the index's checkpoint on start, and rebuilding an index that is missing,
/// unreadable or built with an older mapping. Every process serving tickets runs one, so each keeps
/// its own embedded index current; a shared Elasticsearch index takes the same writes idempotently,
/// and is rebuilt by one of the processes for all (<see cref="SearchIndexRebuild"/>).
/// </summary>
public sealed class ListingIndexer(
    IListingSearchIndex index, SearchIndexRebuild rebuild, IServiceScopeFactory scopes, IEventBus bus, TimeProvider clock, ILogger<ListingIndexer> logger)
    : BackgroundService
{
    /// <summary>Changes committed by another process are seen within this time; this process's wake it at once.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly WakeSignal _changed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = bus.Subscribe((envelope, _) =>
        {
            if (envelope.Type.StartsWith("Listing", StringComparison.Ordinal) || envelope.Type == nameof(SearchReindexRequested))
                _changed.Set();
            return Task.CompletedTask;
        });
        var following = new Following(clock);
        try
        {
            var state = await UntilDoneAsync(() => index.InspectAsync(stoppingToken), "Inspecting the search index", stoppingToken);
            if (state.Checkpoint is { } checkpoint && state.Health is SearchIndexHealth.Ready or SearchIndexHealth.Outdated)
                following.From(checkpoint, state.Rebuilt);
            if (state.Health != SearchIndexHealth.Ready)
                following.Rebuilding = RebuildAsync($"it is {state.Health}", 0, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
                await StepAsync(following, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not written yet is read again from the checkpoint at the next start.
        }
        finally
        {
            await following.StopAsync();
        }
    }

    /// <summary>
    /// One step: takes over a finished rebuild, applies a batch of changes, or waits for some. A
    /// rebuild runs beside the following, so changes keep reaching the live index (and, for the
    /// embedded backend, the one being built); when it ends, following starts again from the
    /// rebuild's checkpoint, which writes the changes made meanwhile into the new index too.
    /// </summary>
    private async Task StepAsync(Following following, CancellationToken stoppingToken)
    {
        if (following.Rebuilding is { IsCompleted: true } finished)
        {
            following.From(await finished);
            following.Rebuilding = following.ReindexAsked > following.RebuiltThrough
                ? RebuildAsync("an operator asked for it during the last rebuild (search reindex)", following.ReindexAsked, stoppingToken)
                : null;
        }
        if (following.Tail is not { } tail)
        {
            // No index to write to until the first one is built.
            await Task.WhenAny(following.Rebuilding ?? Task.CompletedTask, Task.Delay(PollInterval, stoppingToken));
            return;
        }
        var read = await FollowAsync(following, tail, stoppingToken);
        if (read?.Reindex is { } asked && asked > following.RebuiltThrough)
        {
            following.ReindexAsked = Math.Max(following.ReindexAsked, asked);
            following.Rebuilding ??= RebuildAsync("an operator asked for it (search reindex)", following.ReindexAsked, stoppingToken);
        }
        if (read is not { More: true })
            await _changed.WaitAsync(PollInterval, stoppingToken);
    }

    /// <summary>Where the indexer stands: the outbox tail it follows, and the rebuild running beside it.</summary>
    private sealed class Following(TimeProvider clock)
    {
        public OutboxTail? Tail { get; private set; }

        /// <summary>The rebuild that made the index followed, as the index recorded it (shared indexes only).</summary>
        public RebuiltIndex? Index { get; private set; }

        public long RebuiltThrough { get; private set; }
        public long ReindexAsked { get; set; }
        public Task<RebuiltIndex>? Rebuilding { get; set; }

        /// <summary>Follows a rebuilt index from its rebuild's checkpoint.</summary>
        public void From(RebuiltIndex rebuilt)
        {
            From(rebuilt.Checkpoint, rebuilt);
            RebuiltThrough = Math.Max(RebuiltThrough, rebuilt.Through);
        }

        /// <summary>Follows an existing index from its checkpoint.</summary>
        public void From(long checkpoint, RebuiltIndex? index)
        {
            Tail = new OutboxTail(checkpoint, clock);
            Index = index;
            RebuiltThrough = Math.Max(RebuiltThrough, checkpoint);
        }

        /// <summary>Lets a rebuild cancelled by the stop end before the index is disposed.</summary>
        public async Task StopAsync()
        {
            if (Rebuilding is null)
                return;
            try { await Rebuilding; }
            catch (OperationCanceledException) { }
        }
    }

    private async Task<RebuiltIndex> RebuildAsync(string reason, long wantedThrough, CancellationToken stoppingToken)
    {
        logger.LogInformation("Rebuilding the search index from the database: {Reason}", reason);
        var rebuilt = await UntilDoneAsync(() => rebuild.RunAsync(wantedThrough, stoppingToken), "Rebuilding the search index", stoppingToken);
        logger.LogInformation("The search index was rebuilt");
        return rebuilt;
    }

    /// <summary>Retries <paramref name="work"/> until it succeeds: the database or the backend may be down for a while.</summary>
    private async Task<T> UntilDoneAsync<T>(Func<Task<T>> work, string what, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "{What} failed; retrying in {Delay}", what, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken); // real time: pacing, not marketplace time
            }
        }
    }

    /// <summary>Applies one batch of outbox rows; null when it failed (and was retried after a pause).</summary>
    private async Task<OutboxRead?> FollowAsync(Following following, OutboxTail tail, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            var before = tail.Checkpoint;
            var read = await tail.ReadAsync(db, stoppingToken);
            if (read.ListingIds.Count > 0)
                await index.WriteAsync(await new ListingDocuments(db).FindAsync(read.ListingIds, stoppingToken), stoppingToken);
            if (tail.Checkpoint != before && !await index.SaveCheckpointAsync(tail.Checkpoint, following.Index, stoppingToken))
                await FollowRebuiltIndexAsync(following, stoppingToken);
            return read;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Indexing listing changes failed; retrying in {Delay}", RetryDelay);
            await Task.Delay(RetryDelay, stoppingToken); // real time: pacing, not marketplace time
            return null;
        }
    }

    /// <summary>
    /// Another process rebuilt the shared index while this one followed the old: writes made before
    /// the switch went to the old index, so following starts again from the new index's rebuild.
    /// </summary>
    private async Task FollowRebuiltIndexAsync(Following following, CancellationToken stoppingToken)
    {
        if (await rebuild.CurrentRebuildAsync(stoppingToken) is { } rebuilt)
            following.From(rebuilt);
    }
}
