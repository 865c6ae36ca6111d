using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

// Notifications: built from the fake's state, sealed as WeChat Pay seals them, posted to a notify URL.
public sealed partial class FakeWeChatPayServer
{
    public FakeNotification TransactionNotification(string outTradeNo)
    {
        var transaction = Transactions[outTradeNo] ?? throw new InvalidOperationException($"No payment {outTradeNo} was placed.");
        return new FakeNotification("TRANSACTION.SUCCESS", "transaction", FakeTransactions.Resource(transaction), new Uri(transaction.NotifyUrl));
    }

    /// <summary>REFUND.SUCCESS, REFUND.CLOSED or REFUND.ABNORMAL, as the refund stands.</summary>
    public FakeNotification RefundNotification(string outRefundNo)
    {
        var refund = Refunds[outRefundNo] ?? throw new InvalidOperationException($"No refund {outRefundNo} was made.");
        return new FakeNotification($"REFUND.{refund.Status}", "refund", FakeRefunds.Resource(refund), new Uri(refund.NotifyUrl));
    }

    public FakeNotification TransferNotification(string outBillNo)
    {
        var transfer = Transfers[outBillNo] ?? throw new InvalidOperationException($"No transfer {outBillNo} was asked for.");
        return new FakeNotification("MCHTRANSFER.BILL.FINISHED", "mch_payment", FakeTransfers.Resource(transfer, forNotification: true), new Uri(transfer.NotifyUrl));
    }

    /// <summary>The body and headers WeChat Pay would post: the resource encrypted with the APIv3 key, the whole signed.</summary>
    public FakeSealedNotification Seal(FakeNotification notification)
    {
        var now = Clock.GetUtcNow();
        var nonce = Alphanumerics(12);
        var envelope = new JsonObject
        {
            ["id"] = notification.Id,
            ["create_time"] = Time(now),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = notification.EventType,
            ["summary"] = notification.EventType.StartsWith("TRANSACTION", StringComparison.Ordinal) ? "支付成功" : "通知",
            ["resource"] = new JsonObject
            {
                ["original_type"] = notification.OriginalType,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = FakeWeChatPayKeys.EncryptResource(notification.Resource.ToJsonString(Utf8Json), nonce, notification.OriginalType,
                    notification.TamperedCiphertext),
                ["associated_data"] = notification.OriginalType,
                ["nonce"] = nonce,
            },
        };
        var body = envelope.ToJsonString(Utf8Json);
        var headers = SignatureHeaders(body, now - notification.SignedAgo, notification.Forged, notification.Serial ?? PublicKeyId);
        headers["Content-Type"] = "application/json";
        return new FakeSealedNotification(Encoding.UTF8.GetBytes(body), headers);
    }

    /// <summary>Any body, signed by WeChat Pay's key as a notification is: for bodies WeChat Pay would never build.</summary>
    public FakeSealedNotification SignRaw(string body) => new(Encoding.UTF8.GetBytes(body), SignatureHeaders(body, Clock.GetUtcNow(), forged: false, PublicKeyId));

    /// <summary>Posts the notification as WeChat Pay would, and returns the HTTP status the platform answered.</summary>
    public async Task<int> NotifyAsync(FakeNotification notification, Uri? to = null)
    {
        var (body, headers) = Seal(notification);
        using var request = new HttpRequestMessage(HttpMethod.Post, to ?? notification.NotifyUrl) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name == "Content-Type")
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.UserAgent.ParseAdd("Mozilla/4.0");
        using var response = await Notifier.SendAsync(request);
        return (int)response.StatusCode;
    }
}
