using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.Idempotency;
using ETicket.Domain.Pictures.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Listings.Services;

/// <summary>Puts a seller's ticket on the market.</summary>
public sealed class ListingPublisher(
    ETicketDbContext db,
    TicketCodeVault vault,
    TicketCodeGuard codes,
    MemberStanding standing,
    SellerProfiles sellers,
    ListingPictures pictures,
    Idempotency idempotency,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options)
{
    /// <param name="idempotencyKey">A retry with the same key and details answers the listing the first request published.</param>
    public async Task<Outcome<Listing>> PublishAsync(string sellerId, NewListing details, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // The code is fingerprinted by its keyed hash: a plain hash of a short code could be reversed by guessing.
        var request = new IdempotentRequest(sellerId, "publishListing", idempotencyKey, details with { TicketCode = vault.Hash(details.TicketCode) });
        // Before the listing exists, so no listing is ever without the copy its seller is shown from.
        await sellers.CopyIfMissingAsync(sellerId, cancellationToken);
        // An expired listing holding the code may be recorded meanwhile (by the sweep), or another publish
        // may take one of the pictures (its ListingId is a concurrency token): the second attempt sees that.
        return await Transactions.OnceMoreIfOvertakenAsync(() => PublishOnceAsync(request, sellerId, details, cancellationToken));
    }

    private Task<Outcome<Listing>> PublishOnceAsync(IdempotentRequest request, string sellerId, NewListing details, CancellationToken cancellationToken) =>
        idempotency.RunAsync(
            request,
            ct => PublishNowAsync(sellerId, details, ct),
            (listingId, ct) => db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, ct),
            cancellationToken);

    /// <summary>Runs in the idempotency transaction: saves, but opens no transaction of its own.</summary>
    private async Task<Outcome<Listing>> PublishNowAsync(string sellerId, NewListing details, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(sellerId, cancellationToken) is { } barred)
            return barred;
        // The pictures first: a code read from them is the listing's code when none was typed.
        var chosen = await pictures.PrepareAsync(sellerId, details.PictureIds, details.TicketCode, cancellationToken);
        if (chosen.Value is not { } withPictures)
            return Outcome<Listing>.Failure(chosen.Errors);
        details = details with { TicketCode = withPictures.TicketCode };
        var now = clock.Now();
        var errors = PublishListingRules.Check(details, now, options.Value.PriceCap);
        if (errors.Count > 0)
            return Outcome<Listing>.Failure(errors);
        if (await codes.CheckAsync(sellerId, vault.Hash(details.TicketCode), now, cancellationToken) is { } taken)
            return taken;

        var listing = Listing.Publish(sellerId, details, vault, now);
        db.Listings.Add(listing);
        db.Enqueue(new ListingPublished(listing.Id, listing.SellerId, listing.Category, listing.City), now);
        await pictures.AttachAsync(withPictures, listing, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.ViolatesUniqueIndex<Listing>(db, nameof(Listing.ActiveCodeHash)))
        {
            // Another publish of this code committed after our check: the index lets only one hold it.
            db.ChangeTracker.Clear();
            return TicketCodeGuard.Duplicate;
        }

        return listing;
    }
}
