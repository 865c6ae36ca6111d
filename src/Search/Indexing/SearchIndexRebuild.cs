using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Search.Indexing;

/// <summary>Builds a fresh index from the database and switches to it; the current index answers meanwhile.</summary>
public sealed class SearchIndexRebuild(IListingSearchIndex index, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Outbox rows whose transactions were still open when the rebuild began have ids below its
    /// checkpoint and may change listings already read: the tail starts this many rows earlier and
    /// applies them again (writes are idempotent by version).
    /// </summary>
    public const int ReplayMargin = 1000;

    /// <summary>Rebuilds; says where following the outbox must start from.</summary>
    public async Task<RebuiltIndex> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var newest = await db.OutboxMessages.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var checkpoint = Math.Max(0, newest - ReplayMargin);
        await index.RebuildAsync(new ListingDocuments(db).AllAsync(cancellationToken), checkpoint, cancellationToken);
        return new RebuiltIndex(checkpoint, newest);
    }
}

/// <param name="Checkpoint">Where following the outbox starts.</param>
/// <param name="Through">The newest outbox row when the rebuild began: reindex requests up to it are served by this rebuild.</param>
public sealed record RebuiltIndex(long Checkpoint, long Through);
