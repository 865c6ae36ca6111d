using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Auth;

public static class AccessTokenValidation
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accepts only HS256 tokens this platform signed, for this platform, within their lifetime as
    /// the registered <see cref="TimeProvider"/> tells it (so tests can move the clock). Unsigned
    /// (alg "none"), re-signed, tampered and expired tokens fail, and so do tokens of members this
    /// database does not have (<see cref="KnownMembers"/>).
    /// </summary>
    public static IServiceCollection AddAccessTokenValidation(this IServiceCollection services, SecurityKey signingKey)
    {
        services.AddAuthentication().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((jwt, clock) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TimeProvider = clock;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenNames.Issuer,
                ValidAudience = TokenNames.Audience,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                NameClaimType = Viewer.MemberIdClaim,
                RoleClaimType = Viewer.RoleClaim,
                LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(clock.GetUtcNow().UtcDateTime, notBefore, expires),
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    if (!await KnownMembers.IncludeAsync(context.HttpContext.RequestServices, context.Principal!))
                        context.Fail(new UnknownMemberTokenException());
                },
            };
        });
        return services;
    }

    // Throws the library's own exceptions so the transport can tell "expired" from "invalid".
    private static bool WithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires)
    {
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The access token has no expiry.");
        if (notBefore > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.") { NotBefore = notBefore.Value };
        if (expires < now - ClockSkew)
            throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expires.Value };
        return true;
    }
}
