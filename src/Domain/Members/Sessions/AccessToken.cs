namespace ETicket.Domain.Members.Sessions;

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
