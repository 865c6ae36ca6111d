using System.Runtime.CompilerServices;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Search.Indexing;

/// <summary>Reads listings from the database as search documents: the few that changed, or all of them for a rebuild.</summary>
public sealed class ListingDocuments(ETicketDbContext db)
{
    private const int RebuildBatchSize = 1000;

    public async Task<IReadOnlyList<ListingSearchDocument>> FindAsync(IReadOnlyCollection<string> listingIds, CancellationToken cancellationToken) =>
        await Project(db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id))).ToListAsync(cancellationToken);

    /// <summary>
    /// Every listing, in batches by id: keyset, so a million listings take as many short queries as
    /// batches and no query holds a long read open.
    /// </summary>
    public async IAsyncEnumerable<ListingSearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var batch = await Project(db.Listings.AsNoTracking().Where(l => string.Compare(l.Id, after) > 0).OrderBy(l => l.Id).Take(RebuildBatchSize))
                .ToListAsync(cancellationToken);
            foreach (var document in batch)
                yield return document;
            if (batch.Count < RebuildBatchSize)
                yield break;
            after = batch[^1].ListingId;
        }
    }

    // A projection, so the encrypted ticket code never leaves the database on the way to an index.
    private static IQueryable<ListingSearchDocument> Project(IQueryable<Listing> listings) =>
        listings.Select(l => new ListingSearchDocument(l.Id, l.Version, l.Status, l.Category, l.Title, l.Text.Description,
            l.Venue, l.City, l.StartsAt, l.Price, l.PublishedAt, l.ExpiresAt, l.RepricedAt));
}
