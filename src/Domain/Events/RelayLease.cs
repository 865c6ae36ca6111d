using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Events;

/// <summary>
/// Which process relays the outbox. Several processes (replicas of the tickets subgraph) share one
/// database; one relay at a time keeps events in commit order and delivers each once in the normal
/// case. The holder renews its lease each pass; if it dies, another takes over when the lease runs out.
/// </summary>
public sealed class RelayLease
{
    public const string OutboxRelay = "outbox-relay";

    private RelayLease() { }

    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Gives the lease up (a process stopping), so a standby takes over at once.</summary>
    public static Task ReleaseAsync(ETicketDbContext db, string holder, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RelayLeases.Where(l => l.Name == OutboxRelay && l.Holder == holder)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);

    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false while another process holds it.</summary>
    public static async Task<bool> TryHoldAsync(ETicketDbContext db, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = now + duration;
        // Renew our own, or take one that ran out: one conditional update decides between contenders.
        var held = await db.RelayLeases
            .Where(l => l.Name == OutboxRelay && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (held == 1)
            return true;
        if (await db.RelayLeases.AnyAsync(l => l.Name == OutboxRelay, cancellationToken))
            return false;
        try
        {
            db.RelayLeases.Add(new RelayLease { Name = OutboxRelay, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another process created it first
        }
    }
}
