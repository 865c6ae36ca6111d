namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>WeChat Pay's word on a payment, a refund or a transfer, in the port's terms; shared by the provider's answers and the notifications.</summary>
public static class WeChatPayProgress
{
    /// <summary>The payment the transaction confirms; null unless it is paid.</summary>
    public static ConfirmedPayment? Confirmed(WeChatPayTransaction transaction) =>
        transaction is { TradeState: WeChatPayTradeState.Success or WeChatPayTradeState.Refund, TransactionId: { } reference, TotalFen: { } total }
            ? new ConfirmedPayment(transaction.OutTradeNo, reference, Fen.ToYuan(total), transaction.SuccessTime ?? DateTimeOffset.MinValue)
            : null;

    public static PaymentLookup Of(WeChatPayTransaction? transaction) => transaction switch
    {
        null => PaymentLookup.Unknown,
        _ when Confirmed(transaction) is { } paid => new PaymentLookup(PaymentState.Paid, paid),
        { TradeState: WeChatPayTradeState.Closed or WeChatPayTradeState.Revoked } => PaymentLookup.Closed,
        _ => PaymentLookup.Unpaid,
    };

    public static TransferProgress Of(WeChatPayRefund refund) => refund.Status switch
    {
        WeChatPayRefundStatus.Success => new(TransferState.Succeeded, refund.RefundId),
        WeChatPayRefundStatus.Processing => new(TransferState.Processing, refund.RefundId),
        WeChatPayRefundStatus.Closed => new(TransferState.Failed, refund.RefundId, "WeChat Pay closed the refund without paying it."),
        _ => new(TransferState.Failed, refund.RefundId,
            "The refund is stuck at WeChat Pay (ABNORMAL: the payer's account or card may be closed); settle it on the merchant platform."),
    };

    public static TransferProgress Of(WeChatPayTransfer transfer) => transfer.State switch
    {
        WeChatPayTransferState.Success => new(TransferState.Succeeded, transfer.TransferBillNo),
        WeChatPayTransferState.Fail => new(TransferState.Failed, transfer.TransferBillNo, $"WeChat Pay failed the transfer ({transfer.FailReason ?? "no reason given"})."),
        WeChatPayTransferState.Cancelled => new(TransferState.Failed, transfer.TransferBillNo,
            "The transfer was cancelled (the seller did not accept it in time, or it was revoked)."),
        WeChatPayTransferState.WaitUserConfirm => new(TransferState.AwaitingPayee, transfer.TransferBillNo, PayeeConfirmation: transfer.PackageInfo),
        _ => new(TransferState.Processing, transfer.TransferBillNo),
    };
}
