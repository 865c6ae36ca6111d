namespace ETicket.Domain.Orders.Payments.WeChatPay;

public sealed partial class WeChatPayClient
{
    private const int ReasonMaxLength = 80;

    /// <summary>
    /// Refunds part or all of a paid payment (退款申请). Asking again with the same out_refund_no is the same
    /// refund: WeChat Pay answers with it. The result may still be PROCESSING; a REFUND.* notification or
    /// <see cref="QueryRefundAsync"/> tells the end.
    /// </summary>
    /// <param name="reason">Shown to the payer, up to 80 characters.</param>
    /// <param name="totalFen">The payment's amount, as it was placed.</param>
    public async Task<WeChatPayRefund> CreateRefundAsync(string outTradeNo, string outRefundNo, string? reason, long refundFen, long totalFen,
        CancellationToken cancellationToken = default)
    {
        if (refundFen > totalFen)
            throw new ArgumentOutOfRangeException(nameof(refundFen), refundFen, "A refund cannot be larger than the payment.");
        var request = new RefundWireRequest(WeChatPayArguments.OutTradeNo(outTradeNo), WeChatPayArguments.OutRefundNo(outRefundNo),
            reason is null ? null : WeChatPayArguments.Text(reason, ReasonMaxLength, "reason"), Settings.NotifyUrl!.AbsoluteUri,
            new(WeChatPayArguments.Fen(refundFen, "refund"), WeChatPayArguments.Fen(totalFen, "total"), Currency));
        return await ReadRefundAsync("a refund", HttpMethod.Post, "v3/refund/domestic/refunds", request, outRefundNo, cancellationToken);
    }

    /// <summary>The refund with this out_refund_no (查询单笔退款), or null when WeChat Pay has none.</summary>
    public async Task<WeChatPayRefund?> QueryRefundAsync(string outRefundNo, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadRefundAsync("a refund query", HttpMethod.Get, $"v3/refund/domestic/refunds/{WeChatPayArguments.OutRefundNo(outRefundNo)}",
                body: null, outRefundNo, cancellationToken);
        }
        catch (WeChatPayException exception) when (IsNotFound(exception))
        {
            return null;
        }
    }

    private async Task<WeChatPayRefund> ReadRefundAsync(string operation, HttpMethod method, string path, object? body, string outRefundNo,
        CancellationToken cancellationToken)
    {
        var answer = await ReadAsync<RefundResource>(operation, method, path, body,
            refund => refund.ToRefund() is null || refund.OutRefundNo != outRefundNo ? WeChatPayRefusal.Malformed : null, cancellationToken);
        return answer.ToRefund()!;
    }
}
