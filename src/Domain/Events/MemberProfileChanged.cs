namespace ETicket.Domain.Events;

/// <summary>A member's public profile (what anyone may see of them) as it is after the change.</summary>
public sealed record MemberProfileChanged(string MemberId, string Nickname, string? AvatarUrl) : DomainEvent;
