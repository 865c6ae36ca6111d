namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>Why an answer or a notification that claims to come from WeChat Pay is not believed.</summary>
public enum WeChatPayRefusal
{
    /// <summary>Unsigned, or the signature is not WeChat Pay's over this timestamp, nonce and body.</summary>
    BadSignature,

    /// <summary>Signed with a key other than the configured WeChat Pay public key (its id in Wechatpay-Serial).</summary>
    UnknownSerial,

    /// <summary>Signed more than five minutes before or after now: a replay, or a clock far off.</summary>
    StaleTimestamp,

    /// <summary>Signed, but not the JSON (or resource) it should be.</summary>
    Malformed,

    /// <summary>The resource does not decrypt with the APIv3 key (altered, or for another merchant).</summary>
    DecryptionFailed,

    /// <summary>Genuine and readable, but about another merchant or app than the configured MchId and AppId.</summary>
    WrongMerchant,

    /// <summary>Larger than any notification WeChat Pay sends; not read.</summary>
    TooLarge,
}
