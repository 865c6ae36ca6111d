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
/// its own embedded index current (a shared Elasticsearch index takes the same writes idempotently).
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
            if (envelope.Type.StartsWith("Listing", StringComparison.Ordinal))
                _changed.Set();
            return Task.CompletedTask;
        });
        try
        {
            var tail = new OutboxTail(await StartingPointAsync(stoppingToken), clock);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await FollowAsync(tail, stoppingToken))
                    await _changed.WaitAsync(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was not written yet is read again from the checkpoint at the next start.
        }
    }

    private async Task<long> StartingPointAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var state = await index.InspectAsync(stoppingToken);
                if (state is { Health: SearchIndexHealth.Ready, Checkpoint: { } checkpoint })
                    return checkpoint;
                logger.LogInformation("The search index is {Health}; rebuilding it from the database", state.Health);
                var start = await rebuild.RunAsync(stoppingToken);
                logger.LogInformation("The search index was rebuilt");
                return start;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Preparing the search index failed; retrying in {Delay}", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken); // real time: pacing, not marketplace time
            }
        }
    }

    /// <summary>Applies one batch of outbox rows; returns whether more are waiting.</summary>
    private async Task<bool> FollowAsync(OutboxTail tail, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            var before = tail.Checkpoint;
            var (listingIds, more) = await tail.ReadAsync(db, stoppingToken);
            if (listingIds.Count > 0)
                await index.WriteAsync(await new ListingDocuments(db).FindAsync(listingIds, stoppingToken), stoppingToken);
            if (tail.Checkpoint != before)
                await index.SaveCheckpointAsync(tail.Checkpoint, stoppingToken);
            return more;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Indexing listing changes failed; retrying in {Delay}", RetryDelay);
            await Task.Delay(RetryDelay, stoppingToken); // real time: pacing, not marketplace time
            return false;
        }
    }
}
