using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>
/// A notification the fake will seal (encrypt, sign) and send: WeChat Pay's by default, or a variant a test
/// makes with <c>with</c> and <see cref="Altered"/>. Sending the same one twice is a duplicate (same id,
/// fresh signature), as WeChat Pay's retries are.
/// </summary>
/// <param name="OriginalType">The resource's original_type, also its associated_data: transaction, refund or mch_payment.</param>
/// <param name="Resource">The plaintext resource; <see cref="Altered"/> changes a copy.</param>
/// <param name="NotifyUrl">Where it goes: the notify_url the payment, refund or transfer was placed with.</param>
public sealed record FakeNotification(string EventType, string OriginalType, JsonObject Resource, Uri NotifyUrl)
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    /// <summary>How long before now it is signed: past five minutes it is stale.</summary>
    public TimeSpan SignedAgo { get; init; }

    /// <summary>The key id in Wechatpay-Serial; null: WeChat Pay's public key id.</summary>
    public string? Serial { get; init; }

    /// <summary>Signed with a stranger's key instead of WeChat Pay's.</summary>
    public bool Forged { get; init; }

    /// <summary>The ciphertext altered after encryption (the signature still covers the altered body).</summary>
    public bool TamperedCiphertext { get; init; }

    /// <summary>The same notification with a changed copy of its resource (a wrong amount, another out_trade_no, another mchid…).</summary>
    public FakeNotification Altered(Action<JsonObject> change)
    {
        var resource = Resource.DeepClone().AsObject();
        change(resource);
        return this with { Resource = resource };
    }
}

/// <summary>A sealed notification: the body and headers WeChat Pay would post.</summary>
public sealed record FakeSealedNotification(byte[] Body, IReadOnlyDictionary<string, string> Headers);
