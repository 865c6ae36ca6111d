using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Outbox;

/// <summary>
/// Hands committed outbox rows to the event bus, oldest first, at least once: a row is marked only
/// after the bus took it, so a crash in between re-delivers it rather than losing it. Of several
/// processes sharing the database, the one holding the <see cref="ProcessLease"/> relays.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, IEventBus bus, OutboxSignal signal, TimeProvider clock, ILogger<OutboxRelay> logger,
    IEnumerable<IOutboxRelayCondition> conditions)
    : BackgroundService
{
    private const int BatchSize = 100;

    private readonly IOutboxRelayCondition[] _conditions = conditions.ToArray();

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
        if (_conditions.Any(condition => !condition.IsMet))
        {
            // Relaying now would lose what it relays (e.g. no broadcast reaches the other processes): let
            // go of the lease, so a process that meets every condition relays instead; while none does,
            // the events wait in the outbox.
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
