using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Orders.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Disbursements;

/// <summary>
/// Carries disbursements out: asks the provider (outside any transaction: on SQLite a write
/// transaction holds the database's only writer lock), then records its word in one transaction,
/// with the ledger entry when the money arrived. Runs right after the decision, from the sweep for
/// what is due, and from the provider's notifications.
/// </summary>
public sealed partial class DisbursementRunner(
    ETicketDbContext db,
    IPaymentProvider provider,
    TimeProvider clock,
    IOptions<PaymentOptions> options,
    ILogger<DisbursementRunner> logger)
{
    /// <summary>Carries out the order's unsettled disbursements that are due.</summary>
    public async Task RunForOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Disbursements.AsNoTracking()
            .Where(d => d.OrderId == orderId && d.NextCheckAt != null && d.NextCheckAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var disbursement in due)
            await RunAsync(disbursement, cancellationToken);
    }

    /// <summary>Asks the provider about <paramref name="disbursement"/> (read untracked) and records the answer.</summary>
    public async Task RunAsync(Disbursement disbursement, CancellationToken cancellationToken)
    {
        if (disbursement.IsSettled)
            return;
        TransferProgress progress;
        try
        {
            progress = disbursement.Status == DisbursementStatus.Pending
                ? await AskAsync(disbursement, cancellationToken)
                : await QueryAsync(disbursement, cancellationToken);
        }
        catch (Exception failure) when (failure is PaymentFailedException or HttpRequestException or TimeoutException
                                        || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Asked again later, with the same number: the provider pays it once however often it is asked.
            LogPostponed(disbursement.Kind, disbursement.OrderId, (failure as PaymentFailedException)?.Code ?? failure.GetType().Name);
            await RecordAsync(disbursement.Number, d => d.Postpone(clock.GetUtcNow(), options.Value.CheckInterval), cancellationToken);
            return;
        }
        await ApplyAsync(disbursement.Number, progress, cancellationToken);
    }

    /// <summary>Records the provider's word on the attempt numbered <paramref name="number"/>; false when no disbursement has that number.</summary>
    public Task<bool> ApplyAsync(string number, TransferProgress progress, CancellationToken cancellationToken) =>
        RecordAsync(number, d =>
        {
            var now = clock.GetUtcNow();
            if (d.Apply(progress.State, progress.Reference, progress.Failure, progress.PayeeConfirmation, now, options.Value.CheckInterval))
                db.LedgerEntries.Add(LedgerEntry.Record(d.OrderId, LedgerKind(d.Kind), d.Amount, now, d.Reference));
            else if (d.Status == DisbursementStatus.Failed)
                LogFailed(d.Kind, d.OrderId, d.Failure);
        }, cancellationToken);

    private async Task<TransferProgress> AskAsync(Disbursement disbursement, CancellationToken cancellationToken)
    {
        if (disbursement.Kind == DisbursementKind.Refund)
        {
            var total = await db.Orders.Where(o => o.Id == disbursement.OrderId).Select(o => o.Total).SingleAsync(cancellationToken);
            var request = new RefundRequest(disbursement.OrderId, disbursement.Number, disbursement.Amount, total, disbursement.Reason);
            return await provider.RefundAsync(request, cancellationToken);
        }
        var payee = await db.Members.Where(m => m.Id == disbursement.PayeeId).Select(m => m.OpenId).SingleAsync(cancellationToken);
        var payout = new PayoutRequest(disbursement.OrderId, disbursement.Number, payee, disbursement.Amount, disbursement.Reason);
        return await provider.PayOutAsync(payout, cancellationToken);
    }

    private Task<TransferProgress> QueryAsync(Disbursement disbursement, CancellationToken cancellationToken) =>
        disbursement.Kind == DisbursementKind.Refund
            ? provider.QueryRefundAsync(disbursement.Number, cancellationToken)
            : provider.QueryPayoutAsync(disbursement.Number, cancellationToken);

    private async Task<bool> RecordAsync(string number, Action<Disbursement> change, CancellationToken cancellationToken)
    {
        try
        {
            return await Transactions.OnceMoreIfOvertakenAsync(() => db.InTransactionAsync(async ct =>
            {
                var disbursement = await db.Disbursements.SingleOrDefaultAsync(d => d.Number == number, ct);
                if (disbursement is null)
                    return false;
                change(disbursement);
                await db.SaveChangesAsync(ct);
                return true;
            }, _ => true, cancellationToken));
        }
        catch (DbUpdateException repeated) when (repeated.IsRepeatedLedgerEntry(db))
        {
            // Another process recorded the same arrival first.
            return true;
        }
    }

    private static LedgerEntryKind LedgerKind(DisbursementKind kind) =>
        kind == DisbursementKind.Refund ? LedgerEntryKind.Refund : LedgerEntryKind.Payout;

    [LoggerMessage(LogLevel.Warning, "The {Kind} of order {OrderId} could not be asked of the payment provider ({Reason}); it is asked again later.")]
    private partial void LogPostponed(DisbursementKind kind, string orderId, string reason);

    [LoggerMessage(LogLevel.Error, "The {Kind} of order {OrderId} failed at the payment provider: {Failure}. An admin can try it again (retryDisbursement).")]
    private partial void LogFailed(DisbursementKind kind, string orderId, string? failure);
}
