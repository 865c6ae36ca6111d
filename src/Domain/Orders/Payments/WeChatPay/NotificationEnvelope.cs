using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>A notification's body (回调通知): who and what, and the resource, encrypted with the APIv3 key.</summary>
internal sealed record NotificationEnvelope(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("create_time")] DateTimeOffset CreateTime,
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("resource_type")] string ResourceType,
    [property: JsonPropertyName("resource")] EncryptedResource Resource,
    [property: JsonPropertyName("summary")] string? Summary = null)
{
    public const string EncryptedResourceType = "encrypt-resource";
}

internal sealed record EncryptedResource(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("associated_data")] string? AssociatedData = null,
    [property: JsonPropertyName("original_type")] string? OriginalType = null)
{
    public const string AeadAes256Gcm = "AEAD_AES_256_GCM";
}
