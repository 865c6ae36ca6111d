using System.Security.Cryptography;

namespace ETicket.Graph.Hosting;

/// <summary>
/// Loads a secret key from configuration. In Development a missing key is generated once into the
/// data directory, so sessions and encrypted ticket codes survive restarts; elsewhere it is required.
/// </summary>
public static class SecretKeys
{
    public const int MinimumBytes = 32;

    public static byte[] Load(string? configured, string settingName, string dataDirectory, string fileName, bool isDevelopment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Decode(configured, settingName);
        if (!isDevelopment)
            throw new InvalidOperationException(
                $"{settingName} is not set. Outside Development the platform needs it: base64 of at least {MinimumBytes} random bytes " +
                $"(e.g. `openssl rand -base64 32`), as the environment variable {settingName.Replace(":", "__", StringComparison.Ordinal)}.");

        var path = Path.Combine(dataDirectory, "keys", fileName);
        if (File.Exists(path))
            return Decode(File.ReadAllText(path).Trim(), path);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        try
        {
            // CreateNew: when two processes start together, one writes and the other reads its key.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(key));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            Thread.Sleep(100);
            return Decode(File.ReadAllText(path).Trim(), path);
        }
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }
        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"{source} holds {key.Length} bytes; it needs at least {MinimumBytes}.");
    }
}
