namespace ETicket.Graph.Members;

/// <summary>
/// Configuration section <c>ETicket:Members:SignInRateLimit</c>: how many sign-in attempts one client
/// address may make per window. Generous by default, because many members can share one address
/// behind a carrier's NAT.
/// </summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "ETicket:Members:SignInRateLimit";

    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
