using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Signs each attempt of a request (it sits inside the retry, so a retry gets a fresh timestamp and nonce):
/// <c>Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,signature=…,timestamp=…,serial_no=…</c>
/// over method, path and query, timestamp, nonce and body. It also names WeChat Pay's public key in
/// Wechatpay-Serial, so that WeChat Pay signs its answer with that key (public-key mode).
/// </summary>
internal sealed class WeChatPayAuthorizationHandler(WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock) : DelegatingHandler
{
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = SignedMessage.Timestamp(clock);
        var nonce = SignedMessage.NewNonce();
        var signature = keys.SignAsMerchant(SignedMessage.Of([request.Method.Method, request.RequestUri!.PathAndQuery, timestamp, nonce], body));
        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme,
            $"mchid=\"{settings.MchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{settings.MerchantCertificateSerial}\"");
        request.Headers.Remove(WeChatPaySignatureHeaders.SerialHeader);
        request.Headers.Add(WeChatPaySignatureHeaders.SerialHeader, settings.PlatformPublicKeyId);
        return await base.SendAsync(request, cancellationToken);
    }
}
