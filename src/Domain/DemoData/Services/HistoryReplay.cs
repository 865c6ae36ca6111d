using ETicket.Domain.Common;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Domain.DemoData.Services;

/// <summary>
/// Plays the demo's past through the platform's own services, one step after another in time
/// order, each in its own scope and transaction as a request would be, with the clock stopped at
/// the step's moment: purchases reserve listings, payments charge the sandbox provider into escrow,
/// confirmations pay sellers out and award credit points, refunds revoke codes and cost sellers
/// points, blacklistings withdraw listings, and every change records its events. What is left is
/// exactly what the platform would have made.
/// </summary>
public sealed class HistoryReplay(IServiceScopeFactory scopes, HistoryClock clock)
{
    private sealed record Happening(DateTimeOffset At, Func<IServiceProvider, CancellationToken, Task> RunAsync);

    /// <param name="adminId">The admin who resolves the disputes and blacklists.</param>
    public async Task RunAsync(IReadOnlyList<PlannedOrder> orders, IReadOnlyList<PlannedBlacklisting> blacklistings, string adminId, CancellationToken cancellationToken)
    {
        var orderIds = new string?[orders.Count];
        var happenings = orders
            .SelectMany((order, n) => order.Steps.Select(step => new Happening(step.At,
                async (services, ct) => orderIds[n] = await StepAsync(services, order, step, orderIds[n], adminId, ct))))
            .Concat(blacklistings.Select(blacklisting => new Happening(blacklisting.At,
                (services, ct) => BlacklistAsync(services, blacklisting, adminId, ct))))
            // Stable: an order's steps keep their order.
            .OrderBy(h => h.At)
            .ToList();
        try
        {
            foreach (var happening in happenings)
            {
                clock.Stop(happening.At);
                await using var scope = scopes.CreateAsyncScope();
                await happening.RunAsync(scope.ServiceProvider, cancellationToken);
            }
        }
        finally
        {
            clock.Resume();
        }
    }

    /// <summary>Runs one step of <paramref name="order"/>; returns the order's id.</summary>
    /// <param name="orderId">null before the purchase, which makes it.</param>
    private static async Task<string> StepAsync(IServiceProvider services, PlannedOrder order, PlannedStep step, string? orderId, string adminId,
        CancellationToken cancellationToken)
    {
        var desk = services.GetRequiredService<OrderDesk>();
        var id = orderId ?? "";
        var outcome = step.Step switch
        {
            OrderStep.Purchase => await services.GetRequiredService<Purchasing>().PurchaseAsync(order.BuyerId, order.ListingId, idempotencyKey: null, cancellationToken),
            OrderStep.Pay => await desk.PayAsync(order.BuyerId, id, cancellationToken),
            OrderStep.Cancel => await desk.CancelAsync(order.BuyerId, id, cancellationToken),
            OrderStep.Confirm => await desk.ConfirmAsync(order.BuyerId, id, cancellationToken),
            OrderStep.Dispute => await desk.DisputeAsync(order.BuyerId, id, order.DisputeReason, cancellationToken),
            OrderStep.ResolveForSeller => await desk.ResolveDisputeAsync(adminId, id, refundBuyer: false, order.ResolutionNote, cancellationToken),
            OrderStep.ResolveForBuyer => await desk.ResolveDisputeAsync(adminId, id, refundBuyer: true, order.ResolutionNote, cancellationToken),
            OrderStep.SweepUnpaid => await SweepAsync(services, id, (deadlines, due, now, ct) => deadlines.CancelUnpaidAsync(due, now, ct), cancellationToken),
            OrderStep.SweepUnconfirmed => await SweepAsync(services, id, (deadlines, due, now, ct) => deadlines.CompleteUnconfirmedAsync(due, now, ct), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Step, null),
        };
        return Succeeded(outcome, $"{step.Step} of the order for listing {order.ListingId}", step.At).Id;
    }

    /// <summary>
    /// What the sweep does when it finds the order due (<see cref="OrderDeadlineSweep"/>), for this
    /// order alone: another order due a moment later is left to its own step.
    /// </summary>
    private static async Task<Outcome<Order>> SweepAsync(IServiceProvider services, string orderId,
        Func<OrderDeadlines, IQueryable<Order>, DateTimeOffset, CancellationToken, Task<int>> sweep, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ETicketDbContext>();
        var now = services.GetRequiredService<TimeProvider>().Now();
        var deadlines = services.GetRequiredService<OrderDeadlines>();
        var swept = await db.InTransactionAsync(ct => sweep(deadlines, db.Orders.Where(o => o.Id == orderId), now, ct), _ => true, cancellationToken);
        var order = db.Orders.Local.SingleOrDefault(o => o.Id == orderId);
        return swept == 1 && order is not null
            ? order
            : new UserError(UserErrorCode.InvalidState, "The sweep found the order not due.");
    }

    private static async Task BlacklistAsync(IServiceProvider services, PlannedBlacklisting blacklisting, string adminId, CancellationToken cancellationToken) =>
        Succeeded(await services.GetRequiredService<Blacklist>().SetAsync(adminId, blacklisting.MemberId, blacklisted: true, blacklisting.Reason, cancellationToken),
            $"blacklisting member {blacklisting.MemberId}", blacklisting.At);

    /// <summary>Every step was planned to succeed: a refusal is a bug in the plan, and the seed stops there.</summary>
    private static T Succeeded<T>(Outcome<T> outcome, string what, DateTimeOffset at) where T : class =>
        outcome.Value ?? throw new InvalidOperationException(
            $"Replaying the demo's history, the platform refused {what} at {at:yyyy-MM-dd HH:mm:ss}: {outcome.Errors[0].Message}");
}
