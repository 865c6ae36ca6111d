using System.Security.Cryptography;
using System.Text;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>
/// The keys of a test run, generated once (a 2048-bit key takes a moment): the merchant's pair (the platform
/// signs with the private key, the fake checks with the public one), WeChat Pay's pair (the fake signs
/// answers and notifications with the private key, the platform checks with the public one), and a
/// stranger's key for forgeries. The fake does its own cryptography, written from WeChat Pay's documents,
/// rather than the platform's: a mistake in one is then caught by the other.
/// </summary>
public static class FakeWeChatPayKeys
{
    public const string ApiV3Key = "Ky7Qm2Vx9Tb4Nw6Rc3Hp8Jd5Lf1Zs0Ga";

    private static readonly Lazy<RSA> Merchant = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> Platform = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> Stranger = new(() => RSA.Create(2048));

    public static string MerchantPrivateKeyPem => Use(Merchant, rsa => rsa.ExportPkcs8PrivateKeyPem());

    public static string MerchantPublicKeyPem => Use(Merchant, rsa => rsa.ExportSubjectPublicKeyInfoPem());

    public static string PlatformPublicKeyPem => Use(Platform, rsa => rsa.ExportSubjectPublicKeyInfoPem());

    /// <summary>A key pair that is neither the merchant's nor WeChat Pay's.</summary>
    public static string StrangerPublicKeyPem => Use(Stranger, rsa => rsa.ExportSubjectPublicKeyInfoPem());

    public static string StrangerPrivateKeyPem => Use(Stranger, rsa => rsa.ExportPkcs8PrivateKeyPem());

    /// <summary>Whether <paramref name="signature"/> is the merchant's SHA256withRSA signature of <paramref name="message"/>.</summary>
    public static bool IsMerchantSignature(string message, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && Use(Merchant, rsa => rsa.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, length).ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string SignAsPlatform(byte[] message) => Sign(Platform, message);

    public static string SignAsStranger(byte[] message) => Sign(Stranger, message);

    /// <summary>A sensitive field the merchant encrypted with WeChat Pay's public key (RSA-OAEP, SHA-1).</summary>
    public static string DecryptAsPlatform(string base64) =>
        Encoding.UTF8.GetString(Use(Platform, rsa => rsa.Decrypt(Convert.FromBase64String(base64), RSAEncryptionPadding.OaepSHA1)));

    /// <summary>AEAD_AES_256_GCM with the APIv3 key: base64 of the ciphertext followed by its 16-byte tag.</summary>
    public static string EncryptResource(string plaintext, string nonce, string associatedData, bool tamper = false)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[plain.Length + 16];
        using var aes = new AesGcm(Encoding.ASCII.GetBytes(ApiV3Key), 16);
        aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), Encoding.UTF8.GetBytes(associatedData));
        if (tamper)
            sealedBytes[0] ^= 0x01;
        return Convert.ToBase64String(sealedBytes);
    }

    private static string Sign(Lazy<RSA> key, byte[] message) =>
        Use(key, rsa => Convert.ToBase64String(rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));

    // An RSA instance is not promised to serve threads at once, and test classes run in parallel.
    private static T Use<T>(Lazy<RSA> key, Func<RSA, T> use)
    {
        lock (key)
            return use(key.Value);
    }
}
