using System.Net.Http.Headers;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// The headers with which WeChat Pay signs an answer or a notification. A notification endpoint builds this
/// from its request's headers (<see cref="TimestampHeader"/> and the others) for <see cref="WeChatPayNotifications"/>.
/// </summary>
public sealed record WeChatPaySignatureHeaders(string? Timestamp, string? Nonce, string? Signature, string? Serial)
{
    public const string TimestampHeader = "Wechatpay-Timestamp";
    public const string NonceHeader = "Wechatpay-Nonce";
    public const string SignatureHeader = "Wechatpay-Signature";
    public const string SerialHeader = "Wechatpay-Serial";

    internal static WeChatPaySignatureHeaders From(HttpResponseHeaders headers) =>
        new(Single(headers, TimestampHeader), Single(headers, NonceHeader), Single(headers, SignatureHeader), Single(headers, SerialHeader));

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && values.ToList() is [var value] ? value : null;
}
