using System.Security.Cryptography;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

internal enum PemKeyKind { Private, Public }

/// <summary>Reads an RSA key from a PEM setting or from the file its <c>…File</c> setting names; problems name the setting, never the key.</summary>
internal static class PemKeyReader
{
    private const int MinKeyBits = 2048;

    public static RSA? Read(string? value, string? file, string setting, PemKeyKind kind, ICollection<string> problems)
    {
        var key = $"{WeChatPayOptions.Section}:{setting}";
        var fileKey = $"{key}File";
        var what = kind == PemKeyKind.Private
            ? "the merchant API private key (apiclient_key.pem, -----BEGIN PRIVATE KEY-----)"
            : "WeChat Pay's public key (pub_key.pem, -----BEGIN PUBLIC KEY-----)";
        var hasValue = !string.IsNullOrWhiteSpace(value);
        var hasFile = !string.IsNullOrWhiteSpace(file);
        if (hasValue == hasFile)
        {
            problems.Add(hasValue ? $"Set only one of {key} and {fileKey}." : $"{key} or {fileKey} is required: {what}.");
            return null;
        }
        var source = hasValue ? key : fileKey;
        var pem = hasValue ? value! : ReadFile(file!);
        if (pem is null)
        {
            problems.Add($"{fileKey} names a file that cannot be read ({file}).");
            return null;
        }
        var rsa = Import(pem, kind);
        if (rsa is null)
        {
            problems.Add($"{source} is not {what}.");
            return null;
        }
        if (rsa.KeySize < MinKeyBits)
        {
            problems.Add($"{source} is an RSA key shorter than {MinKeyBits} bits; WeChat Pay's keys have {MinKeyBits}.");
            rsa.Dispose();
            return null;
        }
        return rsa;
    }

    private static string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    // Only the labels of the expected kind: RSA.ImportFromPem would take a private key where a public one is meant.
    private static RSA? Import(string pem, PemKeyKind kind)
    {
        // An environment variable often carries the PEM's line breaks as the two characters \n.
        pem = pem.Replace("\\n", "\n", StringComparison.Ordinal);
        if (!PemEncoding.TryFind(pem, out var fields))
            return null;
        var rsa = RSA.Create();
        try
        {
            var der = Convert.FromBase64String(pem[fields.Base64Data]);
            switch (kind, pem[fields.Label])
            {
                case (PemKeyKind.Private, "PRIVATE KEY"): rsa.ImportPkcs8PrivateKey(der, out _); break;
                case (PemKeyKind.Private, "RSA PRIVATE KEY"): rsa.ImportRSAPrivateKey(der, out _); break;
                case (PemKeyKind.Public, "PUBLIC KEY"): rsa.ImportSubjectPublicKeyInfo(der, out _); break;
                case (PemKeyKind.Public, "RSA PUBLIC KEY"): rsa.ImportRSAPublicKey(der, out _); break;
                default: rsa.Dispose(); return null;
            }
            return rsa;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            rsa.Dispose();
            return null;
        }
    }
}
