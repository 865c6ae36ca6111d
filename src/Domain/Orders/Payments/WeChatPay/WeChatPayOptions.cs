namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Configuration section <c>ETicket:Payments:WeChatPay</c>: the merchant account, its keys, WeChat Pay's public key
/// (public-key mode: no platform certificates to download) and the payout scene. Checked by
/// <see cref="WeChatPayOptionsValidation"/>; the keys are loaded once into <see cref="WeChatPayKeys"/>.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "ETicket:Payments:WeChatPay";

    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    /// <summary>WeChat Pay's API; tests point it at a fake on loopback.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com/");

    /// <summary>The mini-program's AppID the merchant account is bound to.</summary>
    public string? AppId { get; set; }

    /// <summary>The merchant id (商户号): digits.</summary>
    public string? MchId { get; set; }

    /// <summary>The serial number of the merchant API certificate whose private key signs requests.</summary>
    public string? MerchantCertificateSerial { get; set; }

    /// <summary>Secret: the merchant API private key (apiclient_key.pem) as PEM text. Or <see cref="PrivateKeyFile"/>.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>A file holding the merchant API private key as PEM. Or <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Secret: the APIv3 key, 32 ASCII characters; it decrypts notifications.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>WeChat Pay's public key (pub_key.pem) as PEM text. Or <see cref="PlatformPublicKeyFile"/>.</summary>
    public string? PlatformPublicKey { get; set; }

    /// <summary>A file holding WeChat Pay's public key as PEM. Or <see cref="PlatformPublicKey"/>.</summary>
    public string? PlatformPublicKeyFile { get; set; }

    /// <summary>The id of WeChat Pay's public key, <c>PUB_KEY_ID_…</c>: answers and notifications must name it.</summary>
    public string? PlatformPublicKeyId { get; set; }

    /// <summary>Where WeChat Pay posts payment, refund and transfer notifications: https (http only to loopback, for tests), no query.</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>How long one call waits for WeChat Pay in all, its retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The transfer scene (转账场景ID) seller payouts use, as granted to the merchant: digits, e.g. 1005.</summary>
    public string? TransferSceneId { get; set; }

    /// <summary>What the payee is shown as the reason (用户收款感知); empty: the scene's default.</summary>
    public string? TransferUserRecvPerception { get; set; }

    /// <summary>The scene's report items (转账场景报备信息), exactly as the scene's rules list them.</summary>
    public List<WeChatPayTransferReportInfo> TransferSceneReportInfos { get; } = [];
}
