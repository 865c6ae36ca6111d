using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace ETicket.Graph.Transport;

/// <summary>
/// Who sends a GraphQL request. No Authorization header: anonymous. A header that does not
/// authenticate refuses the whole request with 401, even for operations anonymous users may run,
/// so a client with a stale token learns to refresh instead of silently seeing less.
/// </summary>
public static class RequestAuthentication
{
    public const string NotBearerMessage = "Send the access token as `Authorization: Bearer <token>`.";
    public const string ExpiredMessage = "The access token has expired; refresh the session or sign in again.";
    public const string InvalidMessage = "The access token is invalid; sign in again.";
    public const string UnknownMemberMessage = "The access token is for a member this platform does not have; sign in again.";

    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http)
    {
        if (!http.Request.Headers.ContainsKey(HeaderNames.Authorization))
            return null;
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
            return result.Principal;

        // RFC 6750 §3.1: no error code when the header carried no bearer token at all (e.g. Basic).
        var (challenge, message) = result.Failure switch
        {
            null => ("Bearer", NotBearerMessage),
            SecurityTokenExpiredException => ("Bearer error=\"invalid_token\", error_description=\"The access token expired\"", ExpiredMessage),
            Auth.UnknownMemberTokenException => ("Bearer error=\"invalid_token\", error_description=\"Unknown member\"", UnknownMemberMessage),
            _ => ("Bearer error=\"invalid_token\"", InvalidMessage),
        };
        http.Response.Headers.WWWAuthenticate = challenge;
        throw new RequestProblem(StatusCodes.Status401Unauthorized, message);
    }
}
