using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>How the platform writes WeChat Pay's JSON and reads it: strictly, and never deeply.</summary>
internal static class WeChatPayJson
{
    // WeChat Pay's documents are at most three objects deep; anything deeper is not one of them.
    private const int MaxDepth = 8;

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese text as UTF-8, as WeChat Pay's own SDKs send it; the signature covers the bytes either way.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        MaxDepth = MaxDepth,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The document, or false when it is not JSON of that shape (a required field missing or null, an unknown state).</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> json, [NotNullWhen(true)] out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(json, Options);
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>RFC 3339 in Beijing time, whole seconds, as WeChat Pay writes times: 2018-06-08T10:34:56+08:00.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
