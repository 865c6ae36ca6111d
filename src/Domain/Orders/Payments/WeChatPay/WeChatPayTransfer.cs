using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// A merchant transfer (商家转账, the user-confirm mode) to a seller's WeChat balance, as WeChat Pay reports it.
/// Amounts in fen.
/// </summary>
/// <param name="PackageInfo">
/// With <see cref="WeChatPayTransferState.WaitUserConfirm"/>: what the mini-program passes as <c>package</c>
/// to wx.requestMerchantTransfer (with the MchId and AppId) for the payee to accept the money.
/// </param>
/// <param name="FailReason">With <see cref="WeChatPayTransferState.Fail"/>: WeChat Pay's reason code, e.g. PAYEE_ACCOUNT_ABNORMAL.</param>
public sealed record WeChatPayTransfer(
    string OutBillNo,
    string TransferBillNo,
    WeChatPayTransferState State,
    string? PackageInfo,
    string? FailReason,
    long? AmountFen,
    string? OpenId,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime);

[JsonConverter(typeof(StrictEnumConverter<WeChatPayTransferState>))]
public enum WeChatPayTransferState
{
    /// <summary>Accepted; the outcome is not known yet.</summary>
    [JsonStringEnumMemberName("ACCEPTED")] Accepted,

    /// <summary>Being processed (staying here long may mean the merchant's balance is short).</summary>
    [JsonStringEnumMemberName("PROCESSING")] Processing,

    /// <summary>Waiting for the payee to accept it in WeChat (wx.requestMerchantTransfer with the package).</summary>
    [JsonStringEnumMemberName("WAIT_USER_CONFIRM")] WaitUserConfirm,

    /// <summary>Transferring; the outcome is not known yet (WeChat Pay's spelling).</summary>
    [JsonStringEnumMemberName("TRANSFERING")] Transferring,

    /// <summary>The money reached the payee. Final.</summary>
    [JsonStringEnumMemberName("SUCCESS")] Success,

    /// <summary>Failed; <see cref="WeChatPayTransfer.FailReason"/> says why. Final: only now may a new out_bill_no be used.</summary>
    [JsonStringEnumMemberName("FAIL")] Fail,

    /// <summary>Being cancelled.</summary>
    [JsonStringEnumMemberName("CANCELING")] Canceling,

    /// <summary>Cancelled. Final.</summary>
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
}
