namespace ETicket.Domain.Members.Sessions;

/// <summary>Configuration section <c>ETicket:Auth</c>: how long tokens live.</summary>
public sealed class SessionOptions
{
    public const string Section = "ETicket:Auth";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
