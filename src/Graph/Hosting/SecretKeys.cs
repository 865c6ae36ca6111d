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
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Processes starting together on one data directory take turns: the first generates the key,
        // the others read it whole. (Reading it while its writer held it failed a start.)
        using var turn = TakeTurn(path + ".lock");
        if (File.Exists(path))
            return Decode(File.ReadAllText(path).Trim(), path);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    /// <summary>An exclusive hold on <paramref name="lockPath"/> (FileShare.None is an exclusive flock on Unix), waited for up to 10 s.</summary>
    private static FileStream TakeTurn(string lockPath)
    {
        for (var waited = 0; ; waited += 20)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < 10_000)
            {
                Thread.Sleep(20);
            }
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
