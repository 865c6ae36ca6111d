using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Services;

/// <summary>
/// Everything that happens to an order after the purchase: payment into escrow, cancellation,
/// confirmation, dispute and its resolution. Each step is one transaction; two steps racing on one
/// order cannot both win (the order's version), and the loser answers from the winner's result.
/// </summary>
public sealed class OrderDesk(
    ETicketDbContext db,
    Settlement settlement,
    IPaymentProvider payments,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options)
{

    /// <summary>
    /// Pays into escrow and reveals the code to the buyer. Paying an order that is already paid
    /// answers the paid order and charges nothing: retries and double taps are safe.
    /// </summary>
    public Task<Outcome<Order>> PayAsync(string buyerId, string orderId, CancellationToken cancellationToken) =>
        StepAsync(buyerId, orderId, OrderActor.Buyer, async (order, _, now, ct) =>
        {
            if (order.Status == OrderStatus.Paid)
                return null;
            if (order.Pay(now, options.Value.ConfirmWindow) is { } refused)
                return refused;
            // Claim the transition first: a concurrent payment of this order now fails on the
            // version before it reaches the provider, so the provider is asked once.
            await db.SaveChangesAsync(ct);
            string reference;
            try
            {
                reference = await payments.ChargeAsync(new PaymentRequest(order.Id, order.BuyerId, order.Total), ct);
            }
            catch (PaymentDeclinedException declined)
            {
                return new UserError(UserErrorCode.InvalidState, $"The payment was declined: {declined.Message}");
            }
            order.RecordPaymentReference(reference);
            settlement.Paid(order, reference, now);
            return null;
        }, cancellationToken);

    public Task<Outcome<Order>> CancelAsync(string buyerId, string orderId, CancellationToken cancellationToken) =>
        StepAsync(buyerId, orderId, OrderActor.Buyer, (order, listing, now, _) =>
        {
            if (order.Cancel(now) is { } refused)
                return Task.FromResult<UserError?>(refused);
            settlement.Cancelled(order, listing, now);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);

    public Task<Outcome<Order>> ConfirmAsync(string buyerId, string orderId, CancellationToken cancellationToken) =>
        StepAsync(buyerId, orderId, OrderActor.Buyer, async (order, listing, now, ct) =>
        {
            if (order.Confirm(now) is { } refused)
                return refused;
            await settlement.CompletedAsync(order, listing, now, ct);
            return null;
        }, cancellationToken);

    public Task<Outcome<Order>> DisputeAsync(string buyerId, string orderId, string reason, CancellationToken cancellationToken)
    {
        var why = reason.Trim();
        if (Order.CheckDisputeReason(why) is { } badReason)
            return Task.FromResult<Outcome<Order>>(badReason);
        return StepAsync(buyerId, orderId, OrderActor.Buyer, (order, _, now, _) =>
        {
            if (order.Dispute(why, now) is { } refused)
                return Task.FromResult<UserError?>(refused);
            settlement.Announce(order, now);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
    }

    /// <summary>An admin settles a dispute: a refund for the buyer, or completion for the seller.</summary>
    public async Task<Outcome<Order>> ResolveDisputeAsync(string adminId, string orderId, bool refundBuyer, string? note, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == adminId && m.IsAdmin, cancellationToken))
            throw AccessDeniedException.Forbidden("Only admins resolve disputes.");
        var text = Texts.Clean(note);
        if (Order.CheckResolutionNote(text) is { } badNote)
            return badNote;
        return await StepAsync(adminId, orderId, OrderActor.Admin, async (order, listing, now, ct) =>
        {
            if (order.ResolveDispute(refundBuyer, text, now) is { } refused)
                return refused;
            if (refundBuyer)
                await settlement.RefundedAsync(order, listing, now, ct);
            else
                await settlement.CompletedAsync(order, listing, now, ct);
            return null;
        }, cancellationToken);
    }

    private enum OrderActor { Buyer, Admin }

    private delegate Task<UserError?> Step(Order order, Listing listing, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Loads the order and its listing, checks who acts, runs the step and saves, in one transaction.</summary>
    private async Task<Outcome<Order>> StepAsync(string actorId, string orderId, OrderActor actor, Step step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(async ct =>
                {
                    var order = Ids.IsWellFormed(orderId) ? await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct) : null;
                    if (order is null)
                        return Outcome<Order>.Failure(new UserError(UserErrorCode.NotFound, "There is no such order.", "orderId"));
                    if (actor == OrderActor.Buyer && order.CheckBuyer(actorId) is { } notBuyer)
                        return Outcome<Order>.Failure(notBuyer);
                    var listing = await db.Listings.SingleAsync(l => l.Id == order.ListingId, ct);
                    if (await step(order, listing, clock.Now(), ct) is { } refused)
                        return Outcome<Order>.Failure(refused);
                    await db.SaveChangesAsync(ct);
                    return Outcome<Order>.Success(order);
                }, cancellationToken);
            }
            catch (DbUpdateException failure) when (attempt < 3 && (failure is DbUpdateConcurrencyException || failure.IsRepeatedLedgerEntry(db)))
            {
                // Another step (or the sweep) changed this order first; run again from its new state.
            }
        }
    }
}
