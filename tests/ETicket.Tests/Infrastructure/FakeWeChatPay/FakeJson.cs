using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>Reading the platform's JSON leniently (a wrong type is a missing field), and writing WeChat Pay's values.</summary>
internal static class FakeJson
{
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    /// <summary>RFC 3339 in Beijing time, as WeChat Pay writes times.</summary>
    public static string Time(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Digits(int count) => RandomNumberGenerator.GetString("0123456789", count);

    public static string Alphanumerics(int count) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", count);
}
