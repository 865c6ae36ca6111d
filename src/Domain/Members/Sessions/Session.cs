namespace ETicket.Domain.Members.Sessions;

/// <param name="ExpiresAt">When the access token expires.</param>
public sealed record Session(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, Member Member);
