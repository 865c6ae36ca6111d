using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings;

/// <summary>Reads listings for the market and for a member's shop, newest first, by keyset paging.</summary>
public sealed class ListingReader(ETicketDbContext db, TimeProvider clock)
{
    public Task<Listing?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Listing>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);

    public Task<Page<Listing>> PageAsync(PageRequest request, CancellationToken cancellationToken) =>
        NewestFirst.PageAsync(db.Listings.AsNoTracking(), request, cancellationToken);

    /// <param name="status">The status as of now: an expired listing is EXPIRED here before any sweep records it.</param>
    public Task<Page<Listing>> PageBySellerAsync(string sellerId, ListingStatus? status, PageRequest request, CancellationToken cancellationToken)
    {
        var listings = db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId);
        if (status is { } wanted)
            listings = listings.Where(EffectiveListingStatus.Is(wanted, clock.Now()));
        return NewestFirst.PageAsync(listings, request, cancellationToken);
    }
}
