using ETicket.Domain.Orders.Disbursements;
using ETicket.Domain.Orders.Services;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Acts on a verified WeChat Pay notification: a payment confirms its order, a refund's or a
/// transfer's end settles its disbursement. Replays change nothing (each step is recorded once);
/// what does not match an order is logged by the step that finds it and acknowledged, because
/// WeChat Pay sending it again would not make it match.
/// </summary>
public sealed class WeChatPayNotificationDesk(PaymentConfirmations confirmations, DisbursementRunner disbursements)
{
    public async Task HandleAsync(WeChatPayNotification notification, CancellationToken cancellationToken)
    {
        switch (notification)
        {
            case WeChatPayTransactionNotification { Transaction: var transaction } when WeChatPayProgress.Confirmed(transaction) is { } paid:
                await confirmations.ConfirmAsync(paid, cancellationToken);
                break;
            case WeChatPayRefundNotification { Refund: var refund }:
                await disbursements.ApplyAsync(refund.OutRefundNo, WeChatPayProgress.Of(refund), cancellationToken);
                break;
            case WeChatPayTransferNotification { Transfer: var transfer }:
                await disbursements.ApplyAsync(transfer.OutBillNo, WeChatPayProgress.Of(transfer), cancellationToken);
                break;
        }
    }
}
