using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Events.Outbox;

/// <summary>
/// How far behind a reader of the outbox is: how long the oldest event it has yet to take has
/// waited. Zero when none waits, and never negative (the processes sharing the database may not
/// agree on the time to the millisecond).
/// </summary>
public static class OutboxLag
{
    /// <summary>The relay's lag: the oldest event not yet handed to the event bus.</summary>
    public static async Task<TimeSpan> UndeliveredAsync(ETicketDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        Since(await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PublishedAt == null)
            .OrderBy(m => m.Id)
            .Select(m => (DateTimeOffset?)m.OccurredAt)
            .FirstOrDefaultAsync(cancellationToken), now);

    /// <summary>
    /// The lag of a reader that has applied every row up to <paramref name="afterId"/> and reads only
    /// events of <paramref name="types"/>: the oldest such event after that row.
    /// </summary>
    public static async Task<TimeSpan> AfterAsync(ETicketDbContext db, long afterId, IReadOnlyCollection<string> types, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        Since(await db.OutboxMessages.AsNoTracking()
            // The types inline as constants: a fixed IN list, one plan, on every provider.
            .Where(m => m.Id > afterId && EF.Constant(types).Contains(m.Type))
            .OrderBy(m => m.Id)
            .Select(m => (DateTimeOffset?)m.OccurredAt)
            .FirstOrDefaultAsync(cancellationToken), now);

    private static TimeSpan Since(DateTimeOffset? oldest, DateTimeOffset now) =>
        oldest is { } occurredAt && now > occurredAt ? now - occurredAt : TimeSpan.Zero;
}
