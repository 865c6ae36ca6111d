namespace ETicket.Domain.Members.Sessions;

/// <summary>Signs access tokens; the host owns the keys and the token format.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Member member, DateTimeOffset now, TimeSpan lifetime);
}
