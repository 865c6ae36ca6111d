using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace ETicket.Graph.Transport;

/// <summary>
/// The one parser for JSON a client sends (a POST body, GET <c>variables</c>/<c>extensions</c>, a
/// WebSocket message). It refuses up front what System.Text.Json would accept and then fail on, or
/// read ambiguously: bytes that are not UTF-8, a key given twice in an object (which value counts?),
/// a <c>\u</c> escape of half a surrogate pair, which no string can hold, and a number past a double's
/// range (<c>1e400</c>), which reads as infinity and cannot be written back (subscription groups key on it).
/// </summary>
public static class ClientJson
{
    /// <summary>Deep enough for any real variables; shallow enough that nesting cannot be used to burn the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Parses <paramref name="utf8"/>; false with what is wrong ("not valid UTF-8", "not valid JSON: ...") otherwise.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out string? problem)
    {
        document = null;
        // JsonDocument checks UTF-8 only when a string is read, and then throws InvalidOperationException.
        if (!Utf8.IsValid(utf8.Span))
        {
            problem = "not valid UTF-8";
            return false;
        }
        try
        {
            // Before parsing: the duplicate check reads property names, and throws InvalidOperationException on a lone surrogate.
            if (LoneSurrogateAt(utf8.Span) is { } position)
            {
                problem = $"not valid JSON: the string at byte {position} escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF must come in pairs)";
                return false;
            }
            document = JsonDocument.Parse(utf8, DocumentOptions);
            if (HasNumberPastDouble(document.RootElement))
            {
                document.Dispose();
                document = null;
                problem = "out of range: it holds a number beyond a double's (about ±1.8e308)";
                return false;
            }
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>Whether a number in <paramref name="element"/> reads as infinity; depth is bounded by <see cref="MaxDepth"/>.</summary>
    private static bool HasNumberPastDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => !element.TryGetDouble(out var value) || !double.IsFinite(value),
        JsonValueKind.Object => element.EnumerateObject().Any(property => HasNumberPastDouble(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasNumberPastDouble),
        _ => false,
    };

    /// <summary>Where a string or property name holds an unpaired surrogate escape; null when none does.</summary>
    private static long? LoneSurrogateAt(ReadOnlySpan<byte> json)
    {
        // A surrogate can only arrive escaped (the bytes are valid UTF-8), always as \uD800-\uDFFF:
        // text without "\ud" or "\uD" has none, which two vectorized searches tell for the common request.
        if (json.IndexOf(@"\ud"u8) < 0 && json.IndexOf(@"\uD"u8) < 0)
            return null;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Unescapes(ref reader))
                return reader.TokenStartIndex;
        }
        return null;
    }

    /// <summary>Unescapes the current string as every later reader of it will; only a lone surrogate makes that throw.</summary>
    private static bool Unescapes(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
