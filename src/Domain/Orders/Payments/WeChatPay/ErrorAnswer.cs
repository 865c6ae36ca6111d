using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>What WeChat Pay answers with a 4xx or 5xx: its code (ORDERPAID, NOT_ENOUGH…) and a message for people.</summary>
internal sealed record ErrorAnswer(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string? Message = null);
