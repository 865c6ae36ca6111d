using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Services;

/// <summary>Buying a listing: one buyer wins it and gets an order waiting for payment.</summary>
public sealed class Purchasing(
    ETicketDbContext db,
    Idempotency idempotency,
    MemberStanding standing,
    MemberReputation reputation,
    OrderDeadlines deadlines,
    Settlement settlement,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options)
{
    private const int ReserveAttempts = 3;

    /// <remarks>
    /// A purchase ends an unpaid reservation past its deadline on the way; another purchase or the
    /// sweep may end it first: the second attempt sees it ended.
    /// </remarks>
    public Task<Outcome<Order>> PurchaseAsync(string buyerId, string listingId, string? idempotencyKey, CancellationToken cancellationToken) =>
        Transactions.OnceMoreIfOvertakenAsync(() => idempotency.RunAsync(
            new IdempotentRequest(buyerId, "purchaseListing", idempotencyKey, new { listingId }),
            ct => PurchaseInTransactionAsync(buyerId, listingId, ct),
            (orderId, ct) => db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct),
            cancellationToken));

    private async Task<Outcome<Order>> PurchaseInTransactionAsync(string buyerId, string listingId, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(buyerId, cancellationToken) is { } barred)
            return barred;
        var now = clock.Now();
        var listing = Ids.IsWellFormed(listingId)
            ? await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken)
            : null;
        if (listing is null)
            return new UserError(UserErrorCode.NotFound, "There is no such listing.", "listingId");
        if (PurchaseRules.CheckBuyer(listing, buyerId) is { } ownListing)
            return ownListing;

        // This buyer's purchases take turns, so the pending-order limit holds under concurrency.
        await reputation.LockForTradingAsync(buyerId, cancellationToken);
        var pending = await db.Orders.CountAsync(o => o.BuyerId == buyerId && o.Status == OrderStatus.PendingPayment && o.PaymentDeadline > now, cancellationToken);
        if (PurchaseRules.CheckPendingOrders(pending, options.Value.MaxPendingOrders) is { } tooMany)
            return tooMany;

        // A reservation whose payment deadline passed is over, even if no sweep has recorded it yet.
        await deadlines.CancelUnpaidAsync(db.Orders.Where(o => o.ListingId == listing.Id), now, cancellationToken);

        for (var attempt = 0; attempt < ReserveAttempts; attempt++)
        {
            listing = await db.Listings.AsNoTracking().SingleAsync(l => l.Id == listingId, cancellationToken);
            if (listing.StatusAt(now) != ListingStatus.OnSale)
                return NotAvailable(listing, now);
            // The one conditional update that decides who wins; the version pins the price the buyer saw.
            var version = listing.Version;
            var reserved = await db.Listings
                .Where(l => l.Id == listing.Id && l.Status == ListingStatus.OnSale && l.ExpiresAt > now && l.Version == version)
                .ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.Status, ListingStatus.Reserved)
                    .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            if (reserved == 1)
                return await PlaceOrderAsync(listing, buyerId, now, cancellationToken);
        }
        return NotAvailable(listing, now);
    }

    private async Task<Outcome<Order>> PlaceOrderAsync(Listing listing, string buyerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var level = await reputation.LevelOfAsync(buyerId, cancellationToken);
        var order = Order.Place(listing, buyerId, ServiceCharges.Quote(listing.Price, level), now, options.Value.PaymentWindow);
        db.Orders.Add(order);
        settlement.Announce(order, now);
        db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, ListingStatus.Reserved), now);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    private static UserError NotAvailable(Listing listing, DateTimeOffset now) =>
        new(UserErrorCode.ListingNotAvailable, $"This listing is not on sale (it is {ContractNames.Of(listing.StatusAt(now))}).", "listingId");
}
