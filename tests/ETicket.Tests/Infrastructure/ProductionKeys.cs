using System.Security.Cryptography;

namespace ETicket.Tests.Infrastructure;

/// <summary>The secrets and choices a non-Development environment must be given.</summary>
public static class ProductionKeys
{
    /// <summary>The keys alone: base64 of 32 random bytes each.</summary>
    public static IReadOnlyDictionary<string, string?> Secrets { get; } = new Dictionary<string, string?>
    {
        ["ETicket:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["ETicket:Tickets:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(Secrets)
    {
        // The tests move no real money.
        ["ETicket:Payments:Provider"] = "Sandbox",
    };
}
