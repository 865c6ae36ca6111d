using ETicket.Domain.Events;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Search.Indexing;

/// <summary>
/// Follows the outbox for listing changes, by row id. An id is taken when its row is inserted but
/// seen when its transaction commits, so a lower id can appear after a higher one was read: the
/// tail keeps the ids it skipped and looks for them again for <see cref="GapPatience"/> (an id of a
/// rolled-back transaction never appears). <see cref="Checkpoint"/> stays below the oldest open gap,
/// so a restart looks again too.
/// </summary>
public sealed class OutboxTail(long start, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>Longer than any transaction that writes a listing takes to commit.</summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);

    /// <summary>The events that change a listing's document, as the outbox names them: the ones <see cref="ReadAsync"/> indexes.</summary>
    public static readonly IReadOnlyList<string> ListingEventTypes = [nameof(ListingPublished), nameof(ListingPriceChanged), nameof(ListingStatusChanged)];

    /// <summary>Bounds the gaps kept: past it the oldest are given up (their listings are caught by the next rebuild).</summary>
    private const int MaxOpenGaps = 1000;

    private readonly SortedDictionary<long, DateTimeOffset> _gaps = [];
    private long _last = start;

    /// <summary>Every row up to here has been read (or given up on).</summary>
    public long Checkpoint => _gaps.Count > 0 ? Math.Min(_gaps.Keys.First() - 1, _last) : _last;

    /// <summary>
    /// The listings changed by the rows committed since the last read; <c>More</c> when a whole
    /// batch was read; <c>Reindex</c>, the row of a reindex request among them, if any.
    /// </summary>
    public async Task<OutboxRead> ReadAsync(ETicketDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
            _gaps.Remove(expired);
        var gaps = _gaps.Keys.ToList();
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Id > _last || gaps.Contains(m.Id))
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .Select(m => new { m.Id, m.Payload })
            .ToListAsync(cancellationToken);

        var listings = new HashSet<string>(StringComparer.Ordinal);
        long? reindex = null;
        foreach (var row in rows)
        {
            if (!_gaps.Remove(row.Id))
            {
                for (var skipped = _last + 1; skipped < row.Id && _gaps.Count < MaxOpenGaps; skipped++)
                    _gaps[skipped] = now;
                _last = Math.Max(_last, row.Id);
            }
            // Keep ListingEventTypes in step with the listing events here.
            switch (DomainEvent.FromJson(row.Payload))
            {
                case ListingPublished e: listings.Add(e.ListingId); break;
                case ListingPriceChanged e: listings.Add(e.ListingId); break;
                case ListingStatusChanged e: listings.Add(e.ListingId); break;
                case SearchReindexRequested: reindex = Math.Max(reindex ?? 0, row.Id); break;
            }
        }
        return new OutboxRead(listings, rows.Count >= BatchSize, reindex);
    }
}
