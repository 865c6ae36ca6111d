namespace ETicket.Domain.Common;

public static class Texts
{
    /// <summary>Trims; empty or whitespace-only text becomes null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>At most <paramref name="maxLength"/> characters, never a lone half of a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
}
