using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events;

/// <summary>
/// Hands committed outbox rows to the event bus, oldest first, at least once: a row is marked only
/// after the bus took it, so a crash in between re-delivers it rather than losing it. Of several
/// processes sharing the database, the one holding the <see cref="ProcessLease"/> relays.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, IEventBus bus, OutboxSignal signal, TimeProvider clock, ILogger<OutboxRelay> logger,
    Fanout.ILiveEventFanout? fanout = null)
    : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>How long a relay's lease lasts unrenewed: how soon a standby takes over from a dead relay.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(10);

    /// <summary>This process, as the lease names it.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Rows written by other processes are noticed within this time.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RelayUntilStoppedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: rows not yet marked are relayed by the next start (at least once).
        }
        await ReleaseLeaseAsync();
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await ProcessLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), ProcessLease.OutboxRelay, InstanceId, clock.Now(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease then simply runs out; a standby waits at most LeaseDuration.
            logger.LogWarning(ex, "Could not release the outbox relay lease");
        }
    }

    private async Task RelayUntilStoppedAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int relayed;
            try
            {
                relayed = await RelayBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Relaying the outbox failed; retrying shortly");
                relayed = 0;
            }
            if (relayed < BatchSize)
                await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Publishes up to one batch of pending rows; returns how many.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        if (fanout is { IsAvailable: false })
        {
            // This process cannot broadcast (its Redis connection is down): what it relayed now would
            // reach none of the other processes' subscribers, who would not even be told. It lets go of
            // the lease, so a process that can broadcast relays instead; while none can, the events wait
            // in the outbox.
            await ProcessLease.ReleaseAsync(db, ProcessLease.OutboxRelay, InstanceId, clock.Now(), cancellationToken);
            return 0;
        }
        if (!await ProcessLease.TryHoldAsync(db, ProcessLease.OutboxRelay, InstanceId, clock.Now(), LeaseDuration, cancellationToken))
            return 0;
        var pending = await db.OutboxMessages
            .Where(m => m.PublishedAt == null)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            await bus.PublishAsync(new EventEnvelope(message.Id, message.Type, message.Payload, message.OccurredAt), cancellationToken);
            message.MarkPublished(clock.Now());
        }
        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }
}

/// <summary>
/// Wakes the relay as soon as outbox rows are committed in this process: at SaveChanges, or when the
/// explicit transaction around it commits (before that the relay could not see the rows yet, and
/// would sleep until its next poll).
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly WakeSignal _pending = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Data.Common.DbTransaction, object> _awaitingCommit = [];

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any() == true)
        {
            if (eventData.Context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
                _awaitingCommit.AddOrUpdate(transaction, this);
            else
                Notify();
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>A transaction committed: if it carried outbox rows, wake the relay.</summary>
    public void Committed(System.Data.Common.DbTransaction transaction)
    {
        if (_awaitingCommit.Remove(transaction))
            Notify();
    }

    public void Notify() => _pending.Set();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _pending.WaitAsync(timeout, cancellationToken);
}

/// <summary>Tells <see cref="OutboxSignal"/> when a transaction commits.</summary>
public sealed class OutboxCommitWatch(OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.Committed(transaction);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Committed(transaction);
        return Task.CompletedTask;
    }
}
