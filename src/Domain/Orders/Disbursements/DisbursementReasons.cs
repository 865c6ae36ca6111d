namespace ETicket.Domain.Orders.Disbursements;

/// <summary>What the payee reads beside the money (WeChat Pay shows a refund's reason and a transfer's remark).</summary>
public static class DisbursementReasons
{
    public const string DisputeRefund = "ETicket 纠纷退款 dispute refund";
    public const string LatePayment = "ETicket 订单已取消，退回付款 order cancelled, payment returned";
    public const string Payout = "ETicket 门票转让收入 ticket sale";
}
