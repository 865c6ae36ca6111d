namespace ETicket.Domain.Common;

/// <summary>Creates entity identifiers.</summary>
/// <remarks>
/// Version 7 GUIDs in lowercase hex sort by creation time as plain strings, so an id is also a
/// unique, stable tie-breaker for keyset paging on every provider, and reveals no sequence.
/// </remarks>
public static class Ids
{
    public const int MaxLength = 32;

    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsWellFormed(string? id) =>
        id is { Length: MaxLength } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
