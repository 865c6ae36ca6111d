using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Orders.Disbursements;
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
    DisbursementRunner disbursements,
    PaymentConfirmations confirmations,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options)
{

    /// <summary>
    /// Pays into escrow: at once in the sandbox, which reveals the code; with WeChat Pay, by starting
    /// the payment the buyer completes in the mini-program (the order stays PENDING_PAYMENT until WeChat
    /// Pay confirms it). Paying a paid order, or one whose payment started, starts nothing new: retries
    /// and double taps are safe.
    /// </summary>
    public async Task<Outcome<Order>> PayAsync(string buyerId, string orderId, CancellationToken cancellationToken)
    {
        // The provider is asked outside any transaction: on SQLite a write transaction holds the
        // database's only writer lock, and the provider may take seconds.
        var order = Ids.IsWellFormed(orderId) ? await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken) : null;
        if (order is null)
            return NoSuchOrder;
        if (order.CheckBuyer(buyerId) is { } notBuyer)
            return notBuyer;
        if (order.Status == OrderStatus.Paid || order.PaymentHandle is not null)
            return order;
        if (order.CheckPayable(clock.Now()) is { } refused)
            return refused;

        PaymentStart start;
        try
        {
            start = await payments.StartAsync(await PaymentRequestAsync(order, cancellationToken), cancellationToken);
        }
        catch (PaymentFailedException failed)
        {
            return new UserError(UserErrorCode.PaymentFailed, failed.Message);
        }
        return await StepAsync(buyerId, orderId, OrderActor.Buyer, (current, _, now, _) =>
        {
            if (current.Status == OrderStatus.Paid || current.PaymentHandle is not null)
                return Task.FromResult<UserError?>(null);
            if (start is AwaitingPayer awaiting)
            {
                if (current.CheckPayable(now) is { } late)
                    return Task.FromResult<UserError?>(late);
                current.AwaitPayment(awaiting.Handle);
                return Task.FromResult<UserError?>(null);
            }
            var paid = ((PaidAtOnce)start).Payment;
            if (current.Pay(paid.Reference, paid.PaidAt, now, options.Value.ConfirmWindow) is { } notPayable)
                return Task.FromResult<UserError?>(notPayable);
            settlement.Paid(current, paid.Reference, now);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
    }

    private async Task<PaymentRequest> PaymentRequestAsync(Order order, CancellationToken cancellationToken)
    {
        var title = await db.Listings.Where(l => l.Id == order.ListingId).Select(l => l.Title).SingleAsync(cancellationToken);
        var openId = await db.Members.Where(m => m.Id == order.BuyerId).Select(m => m.OpenId).SingleAsync(cancellationToken);
        return new PaymentRequest(order.Id, title, order.Total, openId, order.PaymentDeadline);
    }

    public async Task<Outcome<Order>> CancelAsync(string buyerId, string orderId, CancellationToken cancellationToken)
    {
        string? waitingPayment = null;
        var outcome = await StepAsync(buyerId, orderId, OrderActor.Buyer, (order, listing, now, _) =>
        {
            waitingPayment = order.PaymentHandle;
            if (order.Cancel(now) is { } refused)
                return Task.FromResult<UserError?>(refused);
            settlement.Cancelled(order, listing, now);
            return Task.FromResult<UserError?>(null);
        }, cancellationToken);
        if (outcome.Succeeded && waitingPayment is not null)
            await ClosePaymentAfterCancelAsync(orderId);
        return outcome;
    }

    /// <summary>
    /// The buyer may still have WeChat Pay's sheet open: its payment is closed, and one that was taken
    /// all the same is refunded (a late payment). Best effort: the order is cancelled either way, and a
    /// payment that arrives later is refunded on its notification.
    /// </summary>
    private async Task ClosePaymentAfterCancelAsync(string orderId)
    {
        try
        {
            if (await payments.CloseAsync(orderId, CancellationToken.None) is { State: PaymentState.Paid, Payment: { } paid })
                await confirmations.ConfirmAsync(paid, CancellationToken.None);
        }
        catch (PaymentFailedException)
        {
            // WeChat Pay closes it itself at time_expire; a payment before that comes with its notification.
        }
    }

    public Task<Outcome<Order>> ConfirmAsync(string buyerId, string orderId, CancellationToken cancellationToken) =>
        ThenDisburseAsync(StepAsync(buyerId, orderId, OrderActor.Buyer, async (order, listing, now, ct) =>
        {
            if (order.Confirm(now) is { } refused)
                return refused;
            await settlement.CompletedAsync(order, listing, now, ct);
            return null;
        }, cancellationToken));

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
        await db.RequireAdminAsync(adminId, "Only admins resolve disputes.", cancellationToken);
        var text = Texts.Clean(note);
        if (Order.CheckResolutionNote(text) is { } badNote)
            return badNote;
        return await ThenDisburseAsync(StepAsync(adminId, orderId, OrderActor.Admin, async (order, listing, now, ct) =>
        {
            if (order.ResolveDispute(refundBuyer, text, now) is { } refused)
                return refused;
            if (refundBuyer)
                await settlement.RefundedAsync(order, listing, now, ct);
            else
                await settlement.CompletedAsync(order, listing, now, ct);
            return null;
        }, cancellationToken));
    }

    /// <summary>
    /// After a step that decided a refund or a payout, carries it out at once, so the sandbox's is
    /// done when the step answers; what the provider cannot settle now, the sweep follows up.
    /// </summary>
    private async Task<Outcome<Order>> ThenDisburseAsync(Task<Outcome<Order>> step)
    {
        var outcome = await step;
        // Committed: carried out even if the client has left meanwhile.
        if (outcome.Value is { } order)
            await disbursements.RunForOrderAsync(order.Id, CancellationToken.None);
        return outcome;
    }

    private static readonly UserError NoSuchOrder = new(UserErrorCode.NotFound, "There is no such order.", "orderId");

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
                        return Outcome<Order>.Failure(NoSuchOrder);
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
