using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Wanted.Services;

/// <summary>
/// Finds the open wanted requests a newly published listing matches and records each match once,
/// with its <see cref="WantedRequestMatched"/> event, in one transaction.
/// </summary>
public sealed class WantedMatcher(ETicketDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records the listing's matches that are not recorded yet and returns how many. Running it again
    /// for the same listing (events are delivered at least once) records nothing twice.
    /// </summary>
    public async Task<int> MatchAsync(string listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        // A listing that left the market before its event arrived is nothing to tell anyone about.
        if (listing is null || listing.StatusAt(clock.Now()) != ListingStatus.OnSale)
            return 0;
        try
        {
            return await RecordNewMatchesAsync(listing, cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.ViolatesUniqueIndex<WantedMatch>(db, nameof(WantedMatch.WantedRequestId), nameof(WantedMatch.ListingId)))
        {
            // A concurrent delivery of the same event recorded some of these matches first, and the
            // unique (WantedRequestId, ListingId) index refused ours: this attempt's matches and events
            // were rolled back together, and the retry finds the others' recorded and adds only the rest.
            return await RecordNewMatchesAsync(listing, cancellationToken);
        }
    }

    private Task<int> RecordNewMatchesAsync(Listing listing, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            // Ordered, so that concurrent attempts insert in the same order and wait for each other
            // rather than deadlock.
            var matching = (await CandidatesFor(listing).OrderBy(r => r.Id).ToListAsync(ct))
                .Where(request => WantedMatching.Matches(request, listing))
                .ToList();
            var matchingIds = matching.Select(r => r.Id).ToList();
            var recorded = (await db.WantedMatches
                    .Where(m => m.ListingId == listing.Id && matchingIds.Contains(m.WantedRequestId))
                    .Select(m => m.WantedRequestId)
                    .ToListAsync(ct))
                .ToHashSet();

            var now = clock.Now();
            var newMatches = matching.Where(request => !recorded.Contains(request.Id)).ToList();
            foreach (var request in newMatches)
            {
                db.WantedMatches.Add(WantedMatch.Record(request.Id, listing.Id, now));
                db.Enqueue(new WantedRequestMatched(request.Id, request.MemberId, listing.Id), now);
            }
            await db.SaveChangesAsync(ct);
            return newMatches.Count;
        }, commit: _ => true, cancellationToken);

    /// <summary>
    /// The requests that may match, narrowed in SQL: open, the category, not the seller's, the city,
    /// the dates and the price. <see cref="WantedMatching"/> then decides on this set, so a provider
    /// that compares more loosely (MySQL's collation ignores the city's case) only lets more through.
    /// Keywords are checked in memory only: "contains, ignoring case" has no portable SQL (SQLite's
    /// LIKE folds ASCII only, MySQL's follows the collation, and both need wildcards escaped), and the
    /// set left is small. Should the board outgrow that, a keyword table or full-text index is next.
    /// </summary>
    private IQueryable<WantedRequest> CandidatesFor(Listing listing)
    {
        var (category, sellerId, city, price) = (listing.Category, listing.SellerId, listing.City, listing.Price);
        var candidates = db.WantedRequests.AsNoTracking().Where(r =>
            r.Open && r.Category == category && r.MemberId != sellerId
            && (r.City == null || r.City == city)
            && (r.MaxPrice == null || r.MaxPrice >= price));
        return listing.StartsAt is { } startsAt
            ? candidates.Where(r => (r.From == null || r.From <= startsAt) && (r.To == null || r.To >= startsAt))
            : candidates.Where(r => r.From == null && r.To == null);
    }
}
