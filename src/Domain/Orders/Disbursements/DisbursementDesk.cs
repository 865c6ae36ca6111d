using ETicket.Domain.Common;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Disbursements;

/// <summary>Refunds and payouts as members and admins see them, and an admin's retry of a failed one.</summary>
public sealed class DisbursementDesk(ETicketDbContext db, DisbursementRunner runner, TimeProvider clock)
{
    public const int MaxListed = 100;

    /// <summary>The refunds and payouts of these orders, by order id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Disbursement>>> ForOrdersAsync(IReadOnlyCollection<string> orderIds, CancellationToken cancellationToken) =>
        (await db.Disbursements.AsNoTracking().Where(d => orderIds.Contains(d.OrderId)).ToListAsync(cancellationToken))
        .GroupBy(d => d.OrderId)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<Disbursement>)g.ToList());

    /// <summary>ADMIN: the failed refunds and payouts, the most recently failed first.</summary>
    public async Task<IReadOnlyList<Disbursement>> ListFailedAsync(string adminId, int first, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(adminId, "Only admins see and retry failed refunds and payouts.", cancellationToken);
        if (first is < 1 or > MaxListed)
            throw new BadInputException($"`first` must be from 1 to {MaxListed}.");
        return await db.Disbursements.AsNoTracking()
            .Where(d => d.Status == DisbursementStatus.Failed)
            .OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id)
            .Take(first)
            .ToListAsync(cancellationToken);
    }

    /// <summary>ADMIN: tries a failed refund or payout again, with a new number, and carries it out at once.</summary>
    public async Task<Outcome<Disbursement>> RetryAsync(string adminId, string orderId, DisbursementKind kind, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(adminId, "Only admins see and retry failed refunds and payouts.", cancellationToken);
        var retried = await Transactions.OnceMoreIfOvertakenAsync(() => db.InTransactionAsync(async ct =>
        {
            var disbursement = Ids.IsWellFormed(orderId)
                ? await db.Disbursements.SingleOrDefaultAsync(d => d.OrderId == orderId && d.Kind == kind, ct)
                : null;
            if (disbursement is null)
                return Outcome<Disbursement>.Failure(new UserError(UserErrorCode.NotFound, "This order has no such refund or payout.", "orderId"));
            if (disbursement.Retry(clock.GetUtcNow()) is { } refused)
                return Outcome<Disbursement>.Failure(refused);
            await db.SaveChangesAsync(ct);
            return Outcome<Disbursement>.Success(disbursement);
        }, cancellationToken));
        if (retried.Value is not { } pending)
            return retried;
        await runner.RunAsync(pending, CancellationToken.None);
        return await db.Disbursements.AsNoTracking().SingleAsync(d => d.Id == pending.Id, cancellationToken);
    }
}
