using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Services;

/// <summary>
/// What follows from an order's transition, staged on the shared unit of work: the listing's
/// status, the escrow ledger, reputation, and the events. Callers save it all in one transaction.
/// </summary>
public sealed class Settlement(ETicketDbContext db, MemberReputation reputation, IOptions<MarketplaceOptions> options)
{
    /// <summary>The buyer paid: the provider took the total, and escrow holds it.</summary>
    public void Paid(Order order, string paymentReference, DateTimeOffset now)
    {
        Escrow(order, paymentReference, now);
        Announce(order, now);
    }

    /// <summary>
    /// A payment arrived after the order was cancelled (the buyer paid as the deadline passed): escrow
    /// holds it until the refund that gives it back succeeds.
    /// </summary>
    public void PaidLate(Order order, string paymentReference, DateTimeOffset now)
    {
        Escrow(order, paymentReference, now);
        db.Disbursements.Add(Disbursement.Decide(order, DisbursementKind.Refund, order.Total, DisbursementReasons.LatePayment, now));
    }

    /// <summary>Cancelled (by the buyer or the deadline): the listing goes back on the market.</summary>
    public void Cancelled(Order order, Listing listing, DateTimeOffset now)
    {
        if (listing.Release(now))
            AnnounceListing(listing, now);
        Announce(order, now);
    }

    /// <summary>Completed (confirmed, unconfirmed past the window, or a dispute resolved for the seller).</summary>
    public async Task CompletedAsync(Order order, Listing listing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (listing.MarkSold())
            AnnounceListing(listing, now);
        // The seller's share stays in escrow until the provider says the payout arrived (Disbursements).
        db.Disbursements.Add(Disbursement.Decide(order, DisbursementKind.Payout, order.Price, DisbursementReasons.Payout, now));
        db.LedgerEntries.Add(LedgerEntry.Record(order, LedgerEntryKind.PlatformFee, order.ServiceCharge, now));
        await reputation.AwardAsync(order.BuyerId, options.Value.CompletedTradePoints, cancellationToken);
        await reputation.AwardAsync(order.SellerId, options.Value.CompletedTradePoints, cancellationToken);
        Announce(order, now);
    }

    /// <summary>A dispute resolved for the buyer: refunded, the code is dead, the seller loses reputation.</summary>
    public async Task RefundedAsync(Order order, Listing listing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (listing.WithdrawAfterRefund())
            AnnounceListing(listing, now);
        // Recorded in the ledger once the provider says the refund arrived (Disbursements).
        db.Disbursements.Add(Disbursement.Decide(order, DisbursementKind.Refund, order.Total, DisbursementReasons.DisputeRefund, now));
        await reputation.DeductAsync(order.SellerId, options.Value.RefundPenaltyPoints, cancellationToken);
        Announce(order, now);
    }

    private void Escrow(Order order, string paymentReference, DateTimeOffset now)
    {
        db.LedgerEntries.Add(LedgerEntry.Record(order, LedgerEntryKind.Charge, order.Total, now, paymentReference));
        db.LedgerEntries.Add(LedgerEntry.Record(order, LedgerEntryKind.Hold, order.Total, now));
    }

    public void Announce(Order order, DateTimeOffset now) =>
        db.Enqueue(new OrderStatusChanged(order.Id, order.ListingId, order.BuyerId, order.SellerId, order.Status), now);

    public void AnnounceListing(Listing listing, DateTimeOffset now) =>
        db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, listing.Status), now);
}
