using System.Security.Cryptography;
using System.Text;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// The merchant's private key, WeChat Pay's public key and the APIv3 key, loaded once. The keys never leave
/// this class: it signs, verifies, encrypts and decrypts with them.
/// </summary>
public sealed class WeChatPayKeys : IDisposable
{
    public const int ApiV3KeyLength = 32;

    private const int GcmNonceBytes = 12;
    private const int GcmTagBytes = 16;

    private readonly RSA _merchantKey;
    private readonly RSA _platformKey;
    private readonly byte[] _apiV3Key;

    // One RSA instance is not promised to serve several threads at once; an operation takes well under a millisecond.
    private readonly Lock _merchantKeyInUse = new();
    private readonly Lock _platformKeyInUse = new();

    private WeChatPayKeys(RSA merchantKey, RSA platformKey, byte[] apiV3Key)
    {
        _merchantKey = merchantKey;
        _platformKey = platformKey;
        _apiV3Key = apiV3Key;
    }

    /// <summary>The keys the options name; throws naming the settings that are missing or unusable, never their values.</summary>
    public static WeChatPayKeys Load(WeChatPayOptions options)
    {
        var problems = new List<string>();
        return TryLoad(options, problems) ?? throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>The keys, or null with a sentence per unusable setting added to <paramref name="problems"/>.</summary>
    public static WeChatPayKeys? TryLoad(WeChatPayOptions options, ICollection<string> problems)
    {
        var merchantKey = PemKeyReader.Read(options.PrivateKey, options.PrivateKeyFile, nameof(options.PrivateKey), PemKeyKind.Private, problems);
        var platformKey = PemKeyReader.Read(options.PlatformPublicKey, options.PlatformPublicKeyFile, nameof(options.PlatformPublicKey), PemKeyKind.Public, problems);
        var apiV3Key = ApiV3KeyBytes(options.ApiV3Key, problems);
        var mixedUp = merchantKey is not null && platformKey is not null && SameModulus(merchantKey, platformKey);
        if (mixedUp)
            problems.Add($"{WeChatPayOptions.Section}:PlatformPublicKey is the merchant's own public key; give WeChat Pay's public key (pub_key.pem from the merchant platform).");
        if (!mixedUp && merchantKey is not null && platformKey is not null && apiV3Key is not null)
            return new WeChatPayKeys(merchantKey, platformKey, apiV3Key);
        merchantKey?.Dispose();
        platformKey?.Dispose();
        return null;
    }

    /// <summary>Base64 of SHA256withRSA (PKCS#1 v1.5) over <paramref name="message"/> with the merchant's private key.</summary>
    internal string SignAsMerchant(ReadOnlySpan<byte> message)
    {
        lock (_merchantKeyInUse)
            return Convert.ToBase64String(_merchantKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>Whether <paramref name="signature"/> (base64) is WeChat Pay's SHA256withRSA signature of <paramref name="message"/>.</summary>
    internal bool IsSignedByPlatform(ReadOnlySpan<byte> message, string signature)
    {
        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature, bytes, out var length))
            return false;
        lock (_platformKeyInUse)
            return _platformKey.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>A sensitive field (a payee's name) as WeChat Pay wants it: RSA-OAEP (SHA-1) with its public key, base64.</summary>
    internal string EncryptForPlatform(string text)
    {
        lock (_platformKeyInUse)
            return Convert.ToBase64String(_platformKey.Encrypt(Encoding.UTF8.GetBytes(text), RSAEncryptionPadding.OaepSHA1));
    }

    /// <summary>
    /// A notification's resource: AEAD_AES_256_GCM with the APIv3 key, the tag the last 16 bytes of the
    /// ciphertext. Null when it does not decrypt (a wrong key, a wrong nonce, or altered data).
    /// </summary>
    internal byte[]? DecryptResource(string nonce, string associatedData, string ciphertext)
    {
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        var sealedBytes = new byte[ciphertext.Length];
        if (nonceBytes.Length != GcmNonceBytes || !Convert.TryFromBase64String(ciphertext, sealedBytes, out var length) || length < GcmTagBytes)
            return null;
        var cipher = sealedBytes.AsSpan(0, length - GcmTagBytes);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_apiV3Key, GcmTagBytes);
        try
        {
            aes.Decrypt(nonceBytes, cipher, sealedBytes.AsSpan(length - GcmTagBytes, GcmTagBytes), plain, Encoding.UTF8.GetBytes(associatedData));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _merchantKey.Dispose();
        _platformKey.Dispose();
        CryptographicOperations.ZeroMemory(_apiV3Key);
    }

    private static byte[]? ApiV3KeyBytes(string? key, ICollection<string> problems)
    {
        if (string.IsNullOrEmpty(key))
        {
            problems.Add($"{WeChatPayOptions.Section}:ApiV3Key is required: the APIv3 key set on the merchant platform.");
            return null;
        }
        if (key.Length != ApiV3KeyLength || !key.All(c => c is > ' ' and <= '~'))
        {
            problems.Add($"{WeChatPayOptions.Section}:ApiV3Key must be the APIv3 key: exactly {ApiV3KeyLength} ASCII characters.");
            return null;
        }
        return Encoding.ASCII.GetBytes(key);
    }

    private static bool SameModulus(RSA first, RSA second) =>
        first.ExportParameters(false).Modulus.AsSpan().SequenceEqual(second.ExportParameters(false).Modulus);
}
