using System.Buffers.Text;
using System.Text;

namespace ETicket.Domain.Common;

/// <summary>Opaque cursors: the sort key values of a row, base64url-encoded so clients do not parse them.</summary>
public static class Cursors
{
    private const char Separator = '\u001f';

    public static string Encode(params string[] keyValues) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, keyValues)));

    /// <summary>The key values, or a <see cref="BadInputException"/> when the text is not a cursor with that many values.</summary>
    public static string[] Decode(string cursor, int expectedValues)
    {
        string[]? parts = null;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
        }
        catch (FormatException)
        {
        }
        return parts?.Length == expectedValues
            ? parts
            : throw new BadInputException($"\"{cursor}\" is not a cursor this API gave out.");
    }
}
