using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction, retried as a whole on transient
    /// failures (MySQL's retrying strategy needs that), starting each attempt with nothing tracked.
    /// Commits when <paramref name="commit"/> says so for the result, else rolls back.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ETicketDbContext db, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            if (commit(result))
                await transaction.CommitAsync(ct);
            else
                await transaction.RollbackAsync(ct);
            return result;
        }, cancellationToken);

    /// <summary>All or nothing: a business failure rolls back whatever the work already changed.</summary>
    public static Task<Outcome<T>> InTransactionAsync<T>(this ETicketDbContext db, Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken cancellationToken)
        where T : class =>
        db.InTransactionAsync(work, outcome => outcome.Succeeded, cancellationToken);
}
