using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// Reads a notification WeChat Pay posted to the notify URL: its size, then its signature (the configured
/// public key, over exactly these bytes, within five minutes), then the envelope, then the resource
/// (AEAD_AES_256_GCM with the APIv3 key), then whom it is for. Nothing of a refused one is used.
/// </summary>
public sealed partial class WeChatPayNotifications
{
    /// <summary>Far above any notification WeChat Pay sends (about 1 KB); a larger body is not read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly WeChatPayKeys _keys;
    private readonly IOptions<WeChatPayOptions> _options;
    private readonly SignatureVerifier _verifier;
    private readonly ILogger<WeChatPayNotifications> _logger;

    public WeChatPayNotifications(WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock, ILogger<WeChatPayNotifications> logger)
    {
        _keys = keys;
        _options = options;
        _verifier = new SignatureVerifier(keys, options, clock);
        _logger = logger;
    }

    /// <summary>The request body, or null when it is larger than <see cref="MaxBodyBytes"/> (then it is not read to the end).</summary>
    public static Task<byte[]?> ReadBodyAsync(Stream body, long? contentLength, CancellationToken cancellationToken) =>
        BoundedBody.ReadAsync(body, contentLength, MaxBodyBytes, cancellationToken);

    /// <summary>The verified, decrypted notification; or false and why it is refused.</summary>
    /// <param name="body">The request body, byte for byte as received: the signature covers these bytes.</param>
    public bool TryRead(ReadOnlySpan<byte> body, WeChatPaySignatureHeaders headers,
        [NotNullWhen(true)] out WeChatPayNotification? notification, out WeChatPayRefusal refusal)
    {
        notification = null;
        refusal = body.Length > MaxBodyBytes ? WeChatPayRefusal.TooLarge
            : _verifier.Check(headers, body) ?? Open(body, out notification);
        if (notification is not null)
            return true;
        LogRefused(_logger, refusal);
        return false;
    }

    // The refusal when there is no notification; its value does not matter when there is one.
    private WeChatPayRefusal Open(ReadOnlySpan<byte> body, out WeChatPayNotification? notification)
    {
        notification = null;
        if (!WeChatPayJson.TryRead<NotificationEnvelope>(body, out var envelope)
            || envelope is not { ResourceType: NotificationEnvelope.EncryptedResourceType, Resource.Algorithm: EncryptedResource.AeadAes256Gcm })
            return WeChatPayRefusal.Malformed;
        var resource = envelope.Resource;
        if (_keys.DecryptResource(resource.Nonce, resource.AssociatedData ?? "", resource.Ciphertext) is not { } plain)
            return WeChatPayRefusal.DecryptionFailed;
        notification = Interpret(envelope, plain, out var refusal);
        return refusal;
    }

    private WeChatPayNotification? Interpret(NotificationEnvelope envelope, byte[] resource, out WeChatPayRefusal refusal)
    {
        var settings = _options.Value;
        var (id, created, eventType) = (envelope.Id, envelope.CreateTime, envelope.EventType);
        refusal = WeChatPayRefusal.Malformed;
        switch (eventType)
        {
            case WeChatPayEventTypes.TransactionSuccess:
                if (!WeChatPayJson.TryRead<TransactionResource>(resource, out var transaction))
                    return null;
                refusal = WeChatPayRefusal.WrongMerchant;
                return transaction.IsFor(settings) ? new WeChatPayTransactionNotification(id, created, eventType, transaction.ToTransaction()) : null;
            case WeChatPayEventTypes.RefundSuccess or WeChatPayEventTypes.RefundAbnormal or WeChatPayEventTypes.RefundClosed:
                if (!WeChatPayJson.TryRead<RefundResource>(resource, out var refundResource) || refundResource.ToRefund() is not { } refund)
                    return null;
                refusal = WeChatPayRefusal.WrongMerchant;
                return refundResource.IsFor(settings) ? new WeChatPayRefundNotification(id, created, eventType, refund) : null;
            case WeChatPayEventTypes.TransferFinished:
                if (!WeChatPayJson.TryRead<TransferResource>(resource, out var transfer))
                    return null;
                refusal = WeChatPayRefusal.WrongMerchant;
                return transfer.IsFor(settings) ? new WeChatPayTransferNotification(id, created, eventType, transfer.ToTransfer()) : null;
            default:
                return new WeChatPayOtherNotification(id, created, eventType);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification claiming to be WeChat Pay's was refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, WeChatPayRefusal refusal);
}
