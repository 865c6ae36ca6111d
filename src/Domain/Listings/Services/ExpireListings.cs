using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Services;

/// <summary>
/// Records the expiry of on-sale listings past their date, with their events. Reads already show them
/// EXPIRED (<see cref="Listing.StatusAt"/>); this makes it so in the data, frees their codes for
/// relisting, and tells subscribers.
/// </summary>
public sealed class ExpireListings(ETicketDbContext db) : IMarketplaceSweep
{
    /// <summary>Listings per transaction: a backlog is worked off without one huge transaction.</summary>
    private const int BatchSize = 200;

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var due = await db.Listings
                .Where(l => l.Status == ListingStatus.OnSale && l.ExpiresAt <= now)
                .OrderBy(l => l.ExpiresAt).ThenBy(l => l.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var listing in due.Where(l => l.Expire(now)))
                db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, listing.Status), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                expired += due.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A purchase or another process changed one of these meanwhile; the next read sees what is
                // still due. The other sweeps share this unit of work: leave nothing unsaved in it.
                db.ChangeTracker.Clear();
            }
            if (due.Count < BatchSize)
                return expired;
        }
    }
}
