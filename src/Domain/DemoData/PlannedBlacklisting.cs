namespace ETicket.Domain.DemoData;

/// <summary>A member an admin blacklists, when, and why.</summary>
public sealed record PlannedBlacklisting(string MemberId, DateTimeOffset At, string Reason);
