using System.Text.Json.Serialization;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>WeChat Pay's states by their documented names only: a number, or a state it does not document, is no state.</summary>
internal sealed class StrictEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
