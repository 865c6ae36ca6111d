using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Transport;

/// <summary>
/// Checks an <c>Authorization</c> value that did not come in a header: a WebSocket's
/// <c>connection_init</c> payload, which browsers and the mini-program must use because they cannot
/// set headers on a WebSocket. Same JWT bearer settings and token handlers as the HTTP header
/// (<see cref="Auth.AccessTokenValidation"/>) and the same check that its member exists
/// (<see cref="Auth.KnownMembers"/>), so a token is good for one exactly when it is good for the other.
/// </summary>
public sealed class BearerCredentials(IOptionsMonitor<JwtBearerOptions> jwt, IServiceProvider services)
{
    /// <summary>The member the value authenticates; otherwise why not, in the words HTTP uses.</summary>
    public async Task<(ClaimsPrincipal? User, string? Problem)> AuthenticateAsync(string authorization)
    {
        const string scheme = "Bearer ";
        var token = authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : "";
        if (token.Length == 0)
            return (null, RequestAuthentication.NotBearerMessage);

        var options = jwt.Get(JwtBearerDefaults.AuthenticationScheme);
        Exception? failure = null;
        foreach (var handler in options.TokenHandlers)
        {
            TokenValidationResult result;
            try
            {
                result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
            }
            catch (Exception ex) when (ex is SecurityTokenException or ArgumentException)
            {
                failure = ex;
                continue;
            }
            if (result.IsValid)
            {
                var user = new ClaimsPrincipal(result.ClaimsIdentity);
                return await Auth.KnownMembers.IncludeAsync(services, user)
                    ? (user, null)
                    : (null, RequestAuthentication.UnknownMemberMessage);
            }
            failure = result.Exception;
        }
        return (null, failure is SecurityTokenExpiredException ? RequestAuthentication.ExpiredMessage : RequestAuthentication.InvalidMessage);
    }
}
