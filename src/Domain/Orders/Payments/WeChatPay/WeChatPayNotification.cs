namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// A notification WeChat Pay signed and encrypted, verified and decrypted by <see cref="WeChatPayNotifications"/>.
/// WeChat Pay sends one again until it is answered with success, so the same <see cref="Id"/> can arrive
/// more than once; and what it says must still be checked against the order (amount, out_trade_no).
/// </summary>
public abstract record WeChatPayNotification(string Id, DateTimeOffset CreateTime, string EventType);

/// <summary>TRANSACTION.SUCCESS: a payment was made.</summary>
public sealed record WeChatPayTransactionNotification(string Id, DateTimeOffset CreateTime, string EventType, WeChatPayTransaction Transaction)
    : WeChatPayNotification(Id, CreateTime, EventType);

/// <summary>REFUND.SUCCESS, REFUND.ABNORMAL or REFUND.CLOSED: a refund ended so.</summary>
public sealed record WeChatPayRefundNotification(string Id, DateTimeOffset CreateTime, string EventType, WeChatPayRefund Refund)
    : WeChatPayNotification(Id, CreateTime, EventType);

/// <summary>MCHTRANSFER.BILL.FINISHED: a transfer reached SUCCESS, FAIL or CANCELLED.</summary>
public sealed record WeChatPayTransferNotification(string Id, DateTimeOffset CreateTime, string EventType, WeChatPayTransfer Transfer)
    : WeChatPayNotification(Id, CreateTime, EventType);

/// <summary>A genuine notification of an event the platform does not act on; answer it with success so it is not sent again.</summary>
public sealed record WeChatPayOtherNotification(string Id, DateTimeOffset CreateTime, string EventType)
    : WeChatPayNotification(Id, CreateTime, EventType);

/// <summary>The event types the platform acts on.</summary>
public static class WeChatPayEventTypes
{
    public const string TransactionSuccess = "TRANSACTION.SUCCESS";
    public const string RefundSuccess = "REFUND.SUCCESS";
    public const string RefundAbnormal = "REFUND.ABNORMAL";
    public const string RefundClosed = "REFUND.CLOSED";
    public const string TransferFinished = "MCHTRANSFER.BILL.FINISHED";
}
