namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>One report item of a transfer scene, e.g. 岗位类型 = 票务转售卖家.</summary>
public sealed class WeChatPayTransferReportInfo
{
    public string? InfoType { get; set; }

    public string? InfoContent { get; set; }
}
