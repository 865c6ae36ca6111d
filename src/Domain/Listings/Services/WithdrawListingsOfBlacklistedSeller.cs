using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Services;

/// <summary>A blacklisted seller's listings leave the market with the blacklisting, in its transaction.</summary>
public sealed class WithdrawListingsOfBlacklistedSeller(ETicketDbContext db) : IMemberBlacklistedHandler
{
    public async Task OnBlacklistedAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var onSale = await db.Listings
            .Where(l => l.SellerId == memberId && l.Status == ListingStatus.OnSale)
            .ToListAsync(cancellationToken);
        foreach (var listing in onSale.Where(l => l.Withdraw()))
            db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, listing.Status), now);
    }
}
