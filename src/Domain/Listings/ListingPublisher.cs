using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings;

/// <summary>Puts a seller's ticket on the market.</summary>
public sealed class ListingPublisher(ETicketDbContext db, TicketCodeVault vault, MemberStanding standing, TimeProvider clock)
{
    /// <summary>Codes in these states belong to a live listing and cannot be listed again.</summary>
    private static readonly ListingStatus[] CodeTakenStatuses = [ListingStatus.OnSale, ListingStatus.Reserved, ListingStatus.Sold];

    public async Task<Outcome<Listing>> PublishAsync(string sellerId, PublishListing details, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(sellerId, cancellationToken) is { } barred)
            return barred;
        var errors = PublishListingRules.Check(details);
        if (errors.Count > 0)
            return Outcome<Listing>.Failure(errors);

        var codeHash = vault.Hash(details.TicketCode);
        if (await db.Listings.AnyAsync(l => l.TicketCodeHash == codeHash && CodeTakenStatuses.Contains(l.Status), cancellationToken))
            return new UserError(UserErrorCode.DuplicateTicketCode, "This ticket code is already listed.", "ticketCode");

        var now = clock.Now();
        var listing = Listing.Publish(sellerId, details, vault, now);
        db.Listings.Add(listing);
        db.Enqueue(new ListingPublished(listing.Id, listing.SellerId, listing.Category, listing.City), now);
        await db.SaveChangesAsync(cancellationToken);
        return listing;
    }
}
