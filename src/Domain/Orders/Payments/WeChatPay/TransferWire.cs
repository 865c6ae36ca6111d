using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

// The JSON of the merchant transfer calls (商家转账, user-confirm mode), field names as WeChat Pay documents
// them (发起转账, 商户单号查询转账单, 商家转账回调通知).

internal sealed record TransferRequest(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("out_bill_no")] string OutBillNo,
    [property: JsonPropertyName("transfer_scene_id")] string TransferSceneId,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("user_name")] string? UserName,
    [property: JsonPropertyName("transfer_amount")] long TransferAmount,
    [property: JsonPropertyName("transfer_remark")] string TransferRemark,
    [property: JsonPropertyName("notify_url")] string NotifyUrl,
    [property: JsonPropertyName("user_recv_perception")] string? UserRecvPerception,
    [property: JsonPropertyName("transfer_scene_report_infos")] IReadOnlyList<TransferSceneReportInfo> TransferSceneReportInfos);

internal sealed record TransferSceneReportInfo(
    [property: JsonPropertyName("info_type")] string InfoType,
    [property: JsonPropertyName("info_content")] string InfoContent);

/// <summary>
/// The create answer (with package_info while waiting for the payee), the query answer, and the decrypted
/// resource of a MCHTRANSFER.BILL.FINISHED notification. The query names the merchant <c>mch_id</c>; some
/// published notification samples write <c>mchid</c>, so both are read.
/// </summary>
internal sealed record TransferResource(
    [property: JsonPropertyName("out_bill_no")] string OutBillNo,
    [property: JsonPropertyName("transfer_bill_no")] string TransferBillNo,
    [property: JsonPropertyName("state")] WeChatPayTransferState State,
    [property: JsonPropertyName("package_info")] string? PackageInfo = null,
    [property: JsonPropertyName("fail_reason")] string? FailReason = null,
    [property: JsonPropertyName("transfer_amount")] long? TransferAmount = null,
    [property: JsonPropertyName("openid")] string? OpenId = null,
    [property: JsonPropertyName("create_time")] DateTimeOffset? CreateTime = null,
    [property: JsonPropertyName("update_time")] DateTimeOffset? UpdateTime = null,
    [property: JsonPropertyName("mch_id")] string? MchIdUnderscored = null,
    [property: JsonPropertyName("mchid")] string? MchId = null)
{
    /// <summary>Whether it names no merchant or the configured one.</summary>
    public bool IsFor(WeChatPayOptions settings) => (MchIdUnderscored ?? MchId) is not { } merchant || merchant == settings.MchId;

    public WeChatPayTransfer ToTransfer() =>
        new(OutBillNo, TransferBillNo, State, PackageInfo, FailReason, TransferAmount, OpenId, CreateTime, UpdateTime);
}
