namespace ETicket.Domain.Orders.Payments.WeChatPay;

public sealed partial class WeChatPayClient
{
    private const int RemarkMaxLength = 32;
    private const int PayeeNameMaxLength = 64;

    /// <summary>
    /// Pays a seller out to their WeChat balance (商家转账, user-confirm mode: <c>POST /v3/fund-app/mch-transfer/transfer-bills</c>),
    /// in the configured transfer scene with its report items. The answer is usually WAIT_USER_CONFIRM with a
    /// package_info for wx.requestMerchantTransfer; MCHTRANSFER.BILL.FINISHED or <see cref="QueryTransferAsync"/> tells the end.
    /// Asking again with the same out_bill_no is safe; after an error or an unknown outcome, query before using a new out_bill_no.
    /// </summary>
    /// <param name="remark">Shown to the payee, up to 32 characters.</param>
    /// <param name="payeeName">
    /// The payee's real name, which WeChat Pay checks against the account: required from 2,000 yuan. Sent encrypted
    /// with WeChat Pay's public key.
    /// </param>
    public async Task<WeChatPayTransfer> CreateTransferAsync(string outBillNo, string openId, long amountFen, string remark, string? payeeName = null,
        CancellationToken cancellationToken = default)
    {
        var settings = Settings;
        var request = new TransferRequest(settings.AppId!, WeChatPayArguments.OutBillNo(outBillNo), settings.TransferSceneId!, WeChatPayArguments.OpenId(openId),
            payeeName is null ? null : _keys.EncryptForPlatform(WeChatPayArguments.Text(payeeName, PayeeNameMaxLength, "payeeName")),
            WeChatPayArguments.Fen(amountFen, "amount"), WeChatPayArguments.Text(remark, RemarkMaxLength, "remark"), settings.NotifyUrl!.AbsoluteUri,
            string.IsNullOrWhiteSpace(settings.TransferUserRecvPerception) ? null : settings.TransferUserRecvPerception,
            [.. settings.TransferSceneReportInfos.Select(info => new TransferSceneReportInfo(info.InfoType!, info.InfoContent!))]);
        return await ReadTransferAsync("a transfer", HttpMethod.Post, "v3/fund-app/mch-transfer/transfer-bills", request, outBillNo, cancellationToken);
    }

    /// <summary>The transfer with this out_bill_no (商户单号查询转账单), or null when WeChat Pay has none.</summary>
    public async Task<WeChatPayTransfer?> QueryTransferAsync(string outBillNo, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ReadTransferAsync("a transfer query", HttpMethod.Get,
                $"v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{WeChatPayArguments.OutBillNo(outBillNo)}", body: null, outBillNo, cancellationToken);
        }
        catch (WeChatPayException exception) when (IsNotFound(exception))
        {
            return null;
        }
    }

    private async Task<WeChatPayTransfer> ReadTransferAsync(string operation, HttpMethod method, string path, object? body, string outBillNo,
        CancellationToken cancellationToken)
    {
        var answer = await ReadAsync<TransferResource>(operation, method, path, body,
            transfer => transfer.OutBillNo != outBillNo ? WeChatPayRefusal.Malformed : transfer.IsFor(Settings) ? null : WeChatPayRefusal.WrongMerchant, cancellationToken);
        return answer.ToTransfer();
    }
}
