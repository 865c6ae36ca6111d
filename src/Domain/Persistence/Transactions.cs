using System.Data;
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
    /// <remarks>
    /// READ COMMITTED: each statement reads what is committed when it runs. MySQL's default, REPEATABLE
    /// READ, keeps reading the snapshot of the transaction's first read even after the transaction
    /// waited for a lock, so a limit counted after taking the member's lock, or a listing re-read after
    /// losing the race to reserve it, saw the state from before the winner committed. Nothing here
    /// needs reads to repeat: every decision is guarded by a lock, a conditional update, a version or
    /// a unique index. SQLite has one writer at a time; Microsoft.Data.Sqlite runs this level as
    /// SERIALIZABLE (BEGIN IMMEDIATE), as it does when none is given.
    /// </remarks>
    public static Task<T> InTransactionAsync<T>(this ETicketDbContext db, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var result = await work(ct);
            if (commit(result))
                await transaction.CommitAsync(ct);
            else
                await transaction.RollbackAsync(ct);
            return result;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="attempt"/>, and once more when it lost a race on a row's version (another
    /// transaction changed a row it had read): the second attempt, in a new transaction, decides from
    /// what the other committed.
    /// </summary>
    public static async Task<T> OnceMoreIfOvertakenAsync<T>(Func<Task<T>> attempt)
    {
        try
        {
            return await attempt();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await attempt();
        }
    }

    /// <summary>All or nothing: a business failure rolls back whatever the work already changed.</summary>
    public static Task<Outcome<T>> InTransactionAsync<T>(this ETicketDbContext db, Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken cancellationToken)
        where T : class =>
        db.InTransactionAsync(work, outcome => outcome.Succeeded, cancellationToken);
}
