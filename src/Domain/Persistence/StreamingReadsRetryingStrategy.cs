using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ETicket.Domain.Persistence;

/// <summary>
/// MySQL's retrying execution strategy, except that queries run outside it stream their rows.
/// <para>
/// With a retrying strategy EF Core buffers every query's whole result before the first row is
/// used, so that a failure while reading can be retried too; on the market page that buffering
/// cost about a tenth of the platform's CPU (docs/benchmarks.md). A read still has its command
/// retried on a transient failure (EF Core opens every reader through the strategy); only a
/// connection lost halfway through reading rows fails the request instead. Writes are unchanged:
/// SaveChanges and <see cref="Transactions.InTransactionAsync{T}(ETicketDbContext, Func{CancellationToken, Task{T}}, Func{T, bool}, CancellationToken)"/>
/// run inside the strategy, where it reports that it retries, so the queries in a transaction
/// are buffered and retried as a whole, as before.
/// </para>
/// </summary>
public sealed class StreamingReadsRetryingStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
    : MySqlRetryingExecutionStrategy(dependencies, maxRetryCount)
{
    /// <summary>
    /// Whether EF Core should buffer: inside this strategy's own execution, yes; outside it (a
    /// query compiled or run on its own), no.
    /// </summary>
    public override bool RetriesOnFailure => Current == this && MaxRetryCount > 0;

    /// <summary>The base class refuses to run inside a transaction someone else began: it could not retry it as a whole.</summary>
    protected override void OnFirstExecution()
    {
        if (MaxRetryCount > 0 && Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"{nameof(StreamingReadsRetryingStrategy)} cannot retry work inside a transaction begun outside it; begin it inside ExecuteAsync.");
        }
        base.OnFirstExecution();
    }
}
