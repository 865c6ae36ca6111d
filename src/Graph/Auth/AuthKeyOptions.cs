namespace ETicket.Graph.Auth;

/// <summary>Configuration section <c>ETicket:Auth</c>: the key that signs access tokens.</summary>
public sealed class AuthKeyOptions
{
    public const string Section = "ETicket:Auth";

    /// <summary>Base64 of at least 32 random bytes. Required outside Development.</summary>
    public string? SigningKey { get; set; }
}
