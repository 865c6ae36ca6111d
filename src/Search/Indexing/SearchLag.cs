using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;

namespace ETicket.Search.Indexing;

/// <summary>
/// How far the search index is behind the committed listings: how long the oldest listing change
/// after the index's checkpoint has waited. The checkpoint trails what was applied by up to
/// <see cref="OutboxTail.GapPatience"/> after a transaction that took an outbox id rolled back, so a
/// bound on this lag must be longer than that.
/// </summary>
public static class SearchLag
{
    public static async Task<TimeSpan> MeasureAsync(IListingSearchIndex index, ETicketDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await index.InspectAsync(cancellationToken);
        // No checkpoint (no index yet): every listing change is missing from it.
        return await OutboxLag.AfterAsync(db, state.Checkpoint ?? 0, OutboxTail.ListingEventTypes, now, cancellationToken);
    }
}
