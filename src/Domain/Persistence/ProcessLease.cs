using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence;

/// <summary>
/// Which of the processes sharing the database does a job only one of them should do at a time:
/// relaying the outbox (to keep events in commit order), or rebuilding a shared search index. The
/// holder renews its lease while it works; if it dies, another takes over when the lease runs out.
/// </summary>
public sealed class ProcessLease
{
    public const string OutboxRelay = "outbox-relay";

    /// <summary>The longest lease name the table keeps.</summary>
    public const int NameLength = 50;

    private ProcessLease() { }

    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Gives the lease up (a process stopping, a job done), so a standby takes over at once.</summary>
    public static Task ReleaseAsync(ETicketDbContext db, string name, string holder, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ProcessLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, now), cancellationToken);

    /// <summary>Takes or renews lease <paramref name="name"/> for <paramref name="holder"/>; false while another process holds it.</summary>
    public static async Task<bool> TryHoldAsync(ETicketDbContext db, string name, string holder, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, NameLength);
        var until = now + duration;
        // Renew our own, or take one that ran out: one conditional update decides between contenders.
        var held = await db.ProcessLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (held == 1)
            return true;
        if (await db.ProcessLeases.AnyAsync(l => l.Name == name, cancellationToken))
            return false;
        try
        {
            db.ProcessLeases.Add(new ProcessLease { Name = name, Holder = holder, ExpiresAt = until });
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
