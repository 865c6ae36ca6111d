using System.Security.Cryptography;
using System.Text;

namespace ETicket.Domain.Listings;

/// <summary>
/// Keeps ticket codes secret at rest: AES-GCM encryption, and an HMAC of the normalized code so
/// duplicates are found without decrypting. Both keys derive (HKDF) from one configured secret.
/// </summary>
public sealed class TicketCodeVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public TicketCodeVault(byte[] secretKey)
    {
        if (secretKey.Length < 32)
            throw new ArgumentException("The ticket secret key needs at least 32 bytes.", nameof(secretKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secretKey, 32, info: "eticket/ticket-code/encryption/v1"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secretKey, 32, info: "eticket/ticket-code/hash/v1"u8.ToArray());
    }

    /// <summary>Surrounding whitespace is not part of a code.</summary>
    public static string Normalize(string code) => code.Trim();

    public string Hash(string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(Normalize(code))));

    /// <summary>nonce | tag | ciphertext; the associated id binds the ciphertext to its row.</summary>
    public byte[] Encrypt(string code, string associatedId)
    {
        var plain = Encoding.UTF8.GetBytes(Normalize(code));
        var sealedCode = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedCode.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, sealedCode.AsSpan(NonceSize + TagSize), sealedCode.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedId));
        return sealedCode;
    }

    public string Decrypt(byte[] sealedCode, string associatedId)
    {
        var plain = new byte[sealedCode.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(sealedCode.AsSpan(0, NonceSize), sealedCode.AsSpan(NonceSize + TagSize), sealedCode.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(associatedId));
        return Encoding.UTF8.GetString(plain);
    }
}
