using System.Text;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>What the mini-program passes to wx.requestPayment to pay a prepay_id.</summary>
public sealed record RequestPaymentParameters(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

/// <summary>
/// Signs the parameters of wx.requestPayment for a prepay_id: paySign is SHA256withRSA with the merchant key
/// over "appId\ntimeStamp\nnonceStr\npackage\n". Nothing is sent anywhere.
/// </summary>
public sealed class RequestPaymentSigner(WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock)
{
    public const string SignType = "RSA";

    public RequestPaymentParameters Sign(string prepayId)
    {
        if (string.IsNullOrWhiteSpace(prepayId))
            throw new ArgumentException("A prepay_id is what CreateJsapiTransactionAsync returns.", nameof(prepayId));
        var appId = options.Value.AppId!;
        var timeStamp = SignedMessage.Timestamp(clock);
        var nonceStr = SignedMessage.NewNonce();
        var package = $"prepay_id={prepayId}";
        var paySign = keys.SignAsMerchant(SignedMessage.Of([appId, timeStamp, nonceStr], Encoding.UTF8.GetBytes(package)));
        return new RequestPaymentParameters(appId, timeStamp, nonceStr, package, SignType, paySign);
    }
}
