using ETicket.Domain.Marketplace;
using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Services;

/// <summary>
/// Takes the provider's word that an order was paid, from its notification or from a query, and
/// marks the order PAID exactly once. A payment that arrives after the order was cancelled is held
/// and refunded. Replayed or mismatched words change nothing.
/// </summary>
public sealed partial class PaymentConfirmations(
    ETicketDbContext db,
    Settlement settlement,
    DisbursementRunner disbursements,
    TimeProvider clock,
    IOptions<MarketplaceOptions> options,
    ILogger<PaymentConfirmations> logger)
{
    public async Task<PaymentConfirmation> ConfirmAsync(ConfirmedPayment payment, CancellationToken cancellationToken)
    {
        PaymentConfirmation outcome;
        try
        {
            outcome = await Transactions.OnceMoreIfOvertakenAsync(() => db.InTransactionAsync(ct => RecordAsync(payment, ct), _ => true, cancellationToken));
        }
        catch (DbUpdateException repeated) when (repeated.IsRepeatedLedgerEntry(db))
        {
            // The same payment, recorded by another process (or request) first.
            outcome = PaymentConfirmation.AlreadyRecorded;
        }
        if (outcome == PaymentConfirmation.Late)
            await disbursements.RunForOrderAsync(payment.OrderId, cancellationToken);
        return outcome;
    }

    private async Task<PaymentConfirmation> RecordAsync(ConfirmedPayment payment, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == payment.OrderId, cancellationToken);
        if (order is null)
        {
            LogUnknownOrder(payment.OrderId);
            return PaymentConfirmation.UnknownOrder;
        }
        if (order.PaymentReference == payment.Reference)
            return PaymentConfirmation.AlreadyRecorded;
        if (payment.Amount != order.Total)
        {
            LogAmountMismatch(order.Id, payment.Amount, order.Total);
            return PaymentConfirmation.AmountMismatch;
        }
        var now = clock.GetUtcNow();
        if (order.Status == OrderStatus.PendingPayment && order.CheckPayable(payment.PaidAt) is null)
        {
            order.Pay(payment.Reference, payment.PaidAt, now, options.Value.ConfirmWindow);
            settlement.Paid(order, payment.Reference, now);
            await db.SaveChangesAsync(cancellationToken);
            return PaymentConfirmation.Paid;
        }
        if (order.PaymentReference is not null)
        {
            // Paid once already, by another payment: the provider allows one per order, so this should not happen.
            LogSecondPayment(order.Id);
            return PaymentConfirmation.AmountMismatch;
        }
        var listing = await db.Listings.SingleAsync(l => l.Id == order.ListingId, cancellationToken);
        if (order.Status == OrderStatus.PendingPayment)
        {
            // Paid after its deadline and before the sweep cancelled it: cancelled now, as the sweep would.
            order.Cancel(now);
            settlement.Cancelled(order, listing, now);
        }
        LogLatePayment(order.Id);
        order.RecordLatePayment(payment.Reference);
        settlement.PaidLate(order, payment.Reference, now);
        await db.SaveChangesAsync(cancellationToken);
        return PaymentConfirmation.Late;
    }

    [LoggerMessage(LogLevel.Warning, "A payment confirmation names order {OrderId}, which does not exist; it changed nothing.")]
    private partial void LogUnknownOrder(string orderId);

    [LoggerMessage(LogLevel.Error, "A payment of {Paid} for order {OrderId}, whose total is {Total}, changed nothing; it needs an admin's look at the payment provider.")]
    private partial void LogAmountMismatch(string orderId, decimal paid, decimal total);

    [LoggerMessage(LogLevel.Error, "A second payment for order {OrderId} changed nothing; it needs an admin's look at the payment provider.")]
    private partial void LogSecondPayment(string orderId);

    [LoggerMessage(LogLevel.Warning, "A payment reached order {OrderId} after it was cancelled; it is refunded.")]
    private partial void LogLatePayment(string orderId);
}

public enum PaymentConfirmation
{
    /// <summary>The order is PAID now.</summary>
    Paid,
    /// <summary>This payment was recorded before: nothing changed.</summary>
    AlreadyRecorded,
    /// <summary>The order was cancelled before the money came: it is held and refunded.</summary>
    Late,
    /// <summary>No such order: nothing changed.</summary>
    UnknownOrder,
    /// <summary>The amount differs from the order's total, or the order was paid by another payment: nothing changed.</summary>
    AmountMismatch,
}
