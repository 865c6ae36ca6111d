using System.Security.Claims;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Auth;

/// <summary>Short-lived HS256 access tokens carrying the member id and roles.</summary>
public sealed class JwtAccessTokenIssuer(SymmetricSecurityKey signingKey) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(signingKey, SecurityAlgorithms.HmacSha256);

    public AccessToken Issue(Member member, DateTimeOffset now, TimeSpan lifetime)
    {
        var expires = now + lifetime;
        var claims = new List<Claim> { new(Viewer.MemberIdClaim, member.Id) };
        claims.AddRange(member.Roles.Select(role => new Claim(Viewer.RoleClaim, role.ToString())));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenNames.Issuer,
            Audience = TokenNames.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            // JWT times are whole seconds: round down so the token never outlives what we report.
            Expires = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()).UtcDateTime,
            SigningCredentials = _credentials,
        });
        return new AccessToken(token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }
}
