using System.Globalization;
using ETicket.Domain.Common;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Schema;

/// <summary>
/// The contract's <c>DateTime</c>: any ISO-8601 date-time with an offset in, UTC with "Z" out
/// (e.g. "2026-12-31T12:00:00Z"). A date-time without an offset is refused: its meaning is a guess.
/// </summary>
public sealed class DateTimeScalar : ScalarGraphType
{
    private const string OutputFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFF'Z'";

    private static readonly string[] InputFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'",
        "yyyy'-'MM'-'dd'T'HH':'mmzzz",
        "yyyy'-'MM'-'dd'T'HH':'mm'Z'",
    ];

    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "An ISO-8601 date-time. Input needs an offset (\"Z\" or \"+08:00\"); output is UTC with \"Z\".";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Parse((string)text.Value),
        GraphQLNullValue => null,
        _ => throw new FormatException("A DateTime is written as a string, e.g. \"2026-12-31T20:00:00+08:00\"."),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        DateTimeOffset time => Normalize(time),
        _ => throw new FormatException("A DateTime is written as a string, e.g. \"2026-12-31T20:00:00+08:00\"."),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset time => time.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };


    private static DateTimeOffset Parse(string text) => TryParse(text, out var time)
        ? time
        : throw new FormatException($"\"{text}\" is not an ISO-8601 date-time with an offset, e.g. \"2026-12-31T20:00:00+08:00\" or \"2026-12-31T12:00:00Z\".");

    private static bool TryParse(string text, out DateTimeOffset time)
    {
        var parsed = DateTimeOffset.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
        if (parsed)
            time = Normalize(time);
        return parsed;
    }

    // Whole milliseconds in UTC, like every time the platform keeps (see Clock).
    private static DateTimeOffset Normalize(DateTimeOffset time) => Clock.Truncate(time);
}
