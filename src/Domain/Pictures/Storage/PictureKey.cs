using System.Text.RegularExpressions;

namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// What a key of <see cref="IPictureStore"/> may be: ASCII letters, digits, <c>-</c> and <c>_</c>, with
/// single dots between them (<c>01HV7K…-thumb.jpg</c>), starting with a letter or digit, at most
/// <see cref="MaxLength"/> characters, and not a Windows device name (<c>NUL.jpg</c>). So a key is one
/// plain file name on every file system and one plain S3 object name: no separators, no <c>.</c> or
/// <c>..</c>, nothing Unicode could fold into either.
/// </summary>
public static partial class PictureKey
{
    public const int MaxLength = 64;

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key) && !DeviceName().IsMatch(key);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> <see cref="IsValid"/>; the key is not quoted (it may be anything).</summary>
    public static void ThrowIfInvalid(string? key)
    {
        if (!IsValid(key))
            throw new ArgumentException(
                $"A picture key is 1 to {MaxLength} ASCII letters, digits, '-' and '_', with single dots between them, starting with a letter or digit.",
                nameof(key));
    }

    // \z, not $: $ would also match before a final line feed.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\A(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\.|\z)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeviceName();
}
