namespace ETicket.Domain.Members.Sessions;

/// <param name="ExpiresAt">When the access token expires.</param>
public sealed record Session(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, Member Member);

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Signs access tokens; the host owns the keys and the token format.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Member member, DateTimeOffset now, TimeSpan lifetime);
}
