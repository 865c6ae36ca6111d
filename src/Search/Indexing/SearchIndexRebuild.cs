using System.Security.Cryptography;
using System.Text;
using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ETicket.Search.Indexing;

/// <summary>
/// Builds a fresh index from the database and switches to it; the current index answers meanwhile.
/// An index shared by several processes (Elasticsearch) is rebuilt by one of them, the holder of a
/// <see cref="ProcessLease"/>; the others wait for its rebuild and follow the new index from it.
/// </summary>
public sealed class SearchIndexRebuild(IListingSearchIndex index, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexRebuild> logger)
{
    /// <summary>
    /// Outbox rows whose transactions were still open when the rebuild began have ids below its
    /// checkpoint and may change listings already read: the tail starts this many rows earlier and
    /// applies them again (writes are idempotent by version).
    /// </summary>
    public const int ReplayMargin = 1000;

    /// <summary>How long the rebuild lease lasts unrenewed: how soon another process takes over from one that died rebuilding.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>How often a process waiting for another's rebuild looks at the index and the lease.</summary>
    public static readonly TimeSpan WaitInterval = TimeSpan.FromSeconds(1);

    /// <summary>This process, as the lease names it.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Rebuilds, or waits for the process rebuilding the shared index; says where following the outbox must start from.</summary>
    /// <param name="wantedThrough">
    /// The newest reindex request the rebuild must serve (0 when any rebuild will do): a rebuild by
    /// another process that began before it does not.
    /// </param>
    public async Task<RebuiltIndex> RunAsync(long wantedThrough, CancellationToken cancellationToken)
    {
        if (index.SharedName is not { } shared)
            return await BuildAsync(cancellationToken);
        var lease = LeaseName(shared);
        var waiting = false;
        while (true)
        {
            if (await RebuiltByAnotherAsync(wantedThrough, cancellationToken) is { } done)
                return done;
            if (await TryHoldAsync(lease, cancellationToken))
                return await BuildHoldingAsync(lease, wantedThrough, cancellationToken);
            if (!waiting)
                logger.LogInformation("Another process is rebuilding the shared search index {Index}; waiting for it", shared);
            waiting = true;
            await Task.Delay(WaitInterval, cancellationToken); // real time: pacing, not marketplace time
        }
    }

    /// <summary>The lease's name: one per shared index, within the column's length.</summary>
    public static string LeaseName(string sharedName)
    {
        var name = $"search-rebuild:{sharedName}";
        return name.Length <= ProcessLease.NameLength
            ? name
            : $"search-rebuild#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sharedName)))[..32]}";
    }

    private async Task<RebuiltIndex> BuildHoldingAsync(string lease, long wantedThrough, CancellationToken cancellationToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewUntilCancelledAsync(lease, renewing.Token);
        try
        {
            // Another process may have finished between the look above and taking the lease.
            return await RebuiltByAnotherAsync(wantedThrough, cancellationToken) ?? await BuildAsync(cancellationToken);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await ReleaseAsync(lease);
        }
    }

    private async Task<RebuiltIndex> BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var newest = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var position = new RebuiltIndex(Math.Max(0, newest - ReplayMargin), newest);
        await index.RebuildAsync(new ListingDocuments(db).AllAsync(cancellationToken), position, cancellationToken);
        return position;
    }

    /// <summary>The rebuild another process finished, when it serves <paramref name="wantedThrough"/>.</summary>
    private async Task<RebuiltIndex?> RebuiltByAnotherAsync(long wantedThrough, CancellationToken cancellationToken)
    {
        var state = await index.InspectAsync(cancellationToken);
        return state is { Health: SearchIndexHealth.Ready, Rebuilt: { } rebuilt } && rebuilt.Through >= wantedThrough ? Followed(rebuilt) : null;
    }

    /// <summary>
    /// The rebuild that made the shared index, for a process that finds it rebuilt under it (its
    /// checkpoint was refused); null when the index records none.
    /// </summary>
    public async Task<RebuiltIndex?> CurrentRebuildAsync(CancellationToken cancellationToken) =>
        (await index.InspectAsync(cancellationToken)).Rebuilt is { } rebuilt ? Followed(rebuilt) : null;

    private RebuiltIndex Followed(RebuiltIndex rebuilt)
    {
        logger.LogInformation("The shared search index was rebuilt by another process; following it from outbox sequence {Checkpoint}", rebuilt.Checkpoint);
        return rebuilt;
    }

    private async Task RenewUntilCancelledAsync(string lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, cancellationToken); // real time: pacing, not marketplace time
                try
                {
                    if (!await TryHoldAsync(lease, cancellationToken))
                        logger.LogWarning("The search rebuild lease was taken by another process; two rebuilds may run (the index ends correct either way)");
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Renewing the search rebuild lease failed; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The rebuild ended.
        }
    }

    private async Task<bool> TryHoldAsync(string lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ProcessLease.TryHoldAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), lease, InstanceId, clock.Now(), LeaseDuration, cancellationToken);
    }

    private async Task ReleaseAsync(string lease)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await ProcessLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), lease, InstanceId, clock.Now(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease then simply runs out; a waiting process takes over at most LeaseDuration later.
            logger.LogWarning(ex, "Could not release the search rebuild lease");
        }
    }
}
