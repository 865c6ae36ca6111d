namespace ETicket.Domain.Common;

public static class Texts
{
    /// <summary>Trims; empty or whitespace-only text becomes null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
