using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ETicket.Domain.Events.Outbox;

/// <summary>
/// Wakes the relay as soon as outbox rows are committed in this process: at SaveChanges, or when the
/// explicit transaction around it commits (before that the relay could not see the rows yet, and
/// would sleep until its next poll).
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly WakeSignal _pending = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Data.Common.DbTransaction, object> _awaitingCommit = [];

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any() == true)
        {
            if (eventData.Context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
                _awaitingCommit.AddOrUpdate(transaction, this);
            else
                Notify();
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>A transaction committed: if it carried outbox rows, wake the relay.</summary>
    public void Committed(System.Data.Common.DbTransaction transaction)
    {
        if (_awaitingCommit.Remove(transaction))
            Notify();
    }

    public void Notify() => _pending.Set();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _pending.WaitAsync(timeout, cancellationToken);
}
