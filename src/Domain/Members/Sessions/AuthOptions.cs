namespace ETicket.Domain.Members.Sessions;

/// <summary>Configuration section <c>ETicket:Auth</c>: the key that signs access tokens, and how long tokens live.</summary>
public sealed class AuthOptions
{
    public const string Section = "ETicket:Auth";

    /// <summary>
    /// Base64 of at least 32 random bytes. Required outside Development. Read by the host, which signs
    /// and checks access tokens with it.
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
