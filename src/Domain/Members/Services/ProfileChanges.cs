namespace ETicket.Domain.Members.Services;

/// <summary>What a member changes about themself.</summary>
public sealed record ProfileChanges(string? Nickname, string? AvatarUrl, Gender? Gender);
