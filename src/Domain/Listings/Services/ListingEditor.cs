using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Listings.Services;

/// <summary>A seller's changes to their own listing while it is on sale: its price, or taking it off the market.</summary>
public sealed class ListingEditor(ETicketDbContext db, MemberStanding standing, TimeProvider clock, IOptions<MarketplaceOptions> options)
{
    /// <summary>A conflict means someone else changed the listing; after this many the request fails rather than loop.</summary>
    private const int Attempts = 3;

    public async Task<Outcome<Listing>> ChangePriceAsync(string sellerId, string listingId, decimal price, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(sellerId, cancellationToken) is { } barred)
            return barred;
        if (ListingPrices.CheckAmount("price", price) is { } invalid)
            return invalid;
        return await EditAsync(sellerId, listingId, (listing, now) =>
        {
            if (ListingPrices.CheckCap(price, listing.FaceValue, options.Value.PriceCap) is { } aboveCap)
                return aboveCap;
            if (listing.ChangePrice(price, now))
                db.Enqueue(new ListingPriceChanged(listing.Id, listing.SellerId, listing.Price), now);
            return null;
        }, cancellationToken);
    }

    /// <summary>Anyone may take their own listing off the market, blacklisted or not.</summary>
    public Task<Outcome<Listing>> WithdrawAsync(string sellerId, string listingId, CancellationToken cancellationToken) =>
        EditAsync(sellerId, listingId, (listing, now) =>
        {
            if (listing.Withdraw())
                db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, listing.Status), now);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Loads the seller's listing, checks it is on sale, applies <paramref name="edit"/> and saves. When
    /// the listing changed meanwhile (its version), decides again from its new state.
    /// </summary>
    private async Task<Outcome<Listing>> EditAsync(string sellerId, string listingId, Func<Listing, DateTimeOffset, UserError?> edit,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var listing = Ids.IsWellFormed(listingId)
                ? await db.Listings.SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken)
                : null;
            if (listing is null)
                return new UserError(UserErrorCode.NotFound, "There is no such listing.", "listingId");
            var now = clock.Now();
            if (listing.CheckChangeableBy(sellerId, now) is { } notYours)
                return notYours;
            if (edit(listing, now) is { } refused)
                return refused;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return listing;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
