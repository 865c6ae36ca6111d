using System.Security.Cryptography;

namespace ETicket.Tests.Infrastructure;

/// <summary>The secrets a non-Development environment must be given.</summary>
public static class ProductionKeys
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ETicket:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["ETicket:Tickets:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
