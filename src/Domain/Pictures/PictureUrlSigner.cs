using System.Security.Cryptography;
using System.Text;

namespace ETicket.Domain.Pictures;

/// <summary>
/// Short-lived signed addresses for pictures that are not public (those that show a ticket code, and
/// uploads not yet on a listing): an HMAC over the picture, its variant and the expiry, with a key
/// derived (HKDF) from the ticket secret key, so only this platform can make one and none outlives it.
/// </summary>
public sealed class PictureUrlSigner
{
    private readonly byte[] _key;

    public PictureUrlSigner(byte[] ticketSecretKey) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, ticketSecretKey, 32, info: "eticket/picture-url/v1"u8.ToArray());

    public string Sign(string pictureId, PictureVariant variant, long expiresAtUnixSeconds) =>
        Convert.ToBase64String(Mac(pictureId, variant, expiresAtUnixSeconds)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="signature"/> was made by <see cref="Sign"/> for these values (compared in constant time).</summary>
    public bool IsValid(string pictureId, PictureVariant variant, long expiresAtUnixSeconds, string? signature)
    {
        if (signature is null || signature.Length != 43)
            return false;
        Span<byte> given = stackalloc byte[33];
        var base64 = signature.Replace('-', '+').Replace('_', '/') + "=";
        return Convert.TryFromBase64String(base64, given, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(given[..32], Mac(pictureId, variant, expiresAtUnixSeconds));
    }

    private byte[] Mac(string pictureId, PictureVariant variant, long expiresAtUnixSeconds) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{pictureId}|{variant}|{expiresAtUnixSeconds}"));
}
