using ETicket.Domain.Marketplace;
using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Services;

/// <summary>
/// The sweep's share for payments waiting at the provider (WeChat Pay): shortly before the deadline
/// each is looked up once, so a lost notification loses no payment; at the deadline the provider's
/// payment is closed first, and only then is the order cancelled (a payment the close finds taken is
/// recorded instead). <see cref="OrderDeadlines"/> leaves these orders to this sweep.
/// </summary>
public sealed class PaymentDeadlineSweep(
    ETicketDbContext db,
    IPaymentProvider provider,
    PaymentConfirmations confirmations,
    OrderDeadlines deadlines,
    IOptions<PaymentOptions> options) : IMarketplaceSweep
{
    private const int BatchSize = 20;

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lookFrom = now + options.Value.QueryBeforeDeadline;
        var waiting = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.PendingPayment && o.PaymentHandle != null && o.PaymentDeadline <= lookFrom)
            .OrderBy(o => o.PaymentDeadline)
            .Take(BatchSize)
            .Select(o => new { o.Id, o.PaymentDeadline, o.PaymentCheckedAt })
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var order in waiting)
        {
            var due = order.PaymentDeadline <= now;
            // Before the deadline, once: a notification normally comes first.
            if (!due && order.PaymentCheckedAt >= order.PaymentDeadline - options.Value.QueryBeforeDeadline)
                continue;
            PaymentLookup lookup;
            try
            {
                lookup = due ? await provider.CloseAsync(order.Id, cancellationToken) : await provider.QueryAsync(order.Id, cancellationToken);
            }
            catch (Exception failure) when (failure is PaymentFailedException or HttpRequestException or TimeoutException)
            {
                continue; // Not cancelled before the provider's payment is closed: the next sweep tries again.
            }
            if (lookup is { State: PaymentState.Paid, Payment: { } payment })
                changed += await confirmations.ConfirmAsync(payment, cancellationToken) == PaymentConfirmation.Paid ? 1 : 0;
            else if (due)
                changed += await deadlines.CancelClosedAsync(order.Id, now, cancellationToken) ? 1 : 0;
            else
                await db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.PaymentCheckedAt, now), cancellationToken);
        }
        return changed;
    }
}
