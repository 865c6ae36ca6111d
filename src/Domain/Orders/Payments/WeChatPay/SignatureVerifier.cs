using System.Globalization;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Checks that an answer or a notification is WeChat Pay's: signed by the configured public key (named by
/// its id), over exactly this body, within five minutes of now.
/// </summary>
internal sealed class SignatureVerifier(WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Null when genuine; otherwise why not.</summary>
    public WeChatPayRefusal? Check(WeChatPaySignatureHeaders headers, ReadOnlySpan<byte> body)
    {
        if (headers is not { Timestamp: { } timestamp, Nonce: { Length: > 0 } nonce, Signature: { Length: > 0 } signature })
            return WeChatPayRefusal.BadSignature;
        if (!string.Equals(headers.Serial, options.Value.PlatformPublicKeyId, StringComparison.Ordinal))
            return WeChatPayRefusal.UnknownSerial;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !keys.IsSignedByPlatform(SignedMessage.Of([timestamp, nonce], body), signature))
            return WeChatPayRefusal.BadSignature;
        // Checked after the signature, so that a stale refusal means WeChat Pay really signed it then: a replay.
        var signedAt = seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MaxValue;
        return (signedAt - clock.GetUtcNow()).Duration() > MaxClockSkew ? WeChatPayRefusal.StaleTimestamp : null;
    }
}
