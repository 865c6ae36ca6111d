using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Domain.Events.Outbox;

/// <summary>Tells <see cref="OutboxSignal"/> when a transaction commits.</summary>
public sealed class OutboxCommitWatch(OutboxSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.Committed(transaction);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Committed(transaction);
        return Task.CompletedTask;
    }
}
