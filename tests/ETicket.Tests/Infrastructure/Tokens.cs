using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Tests.Infrastructure;

/// <summary>Hand-made access tokens for the tests that must be refused.</summary>
public static class Tokens
{
    /// <summary>A token with the right claims, signed with a key the platform does not know.</summary>
    public static string SignedWithForeignKey(string memberId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "eticket",
        Audience = "eticket",
        Subject = new ClaimsIdentity([new Claim("sub", memberId), new Claim("role", "Admin")]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 32))), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>An unsigned token ("alg": "none") with the right claims.</summary>
    public static string Unsigned(string memberId)
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Base64Url("""{"alg":"none","typ":"JWT"}""")
            + "." + Base64Url($$"""{"iss":"eticket","aud":"eticket","sub":"{{memberId}}","role":"Admin","exp":{{expires}}}""")
            + ".";
    }

    /// <summary>A genuine token whose payload was edited to claim the ADMIN role; the signature no longer matches.</summary>
    public static string WithEditedPayload(string genuineToken)
    {
        var parts = genuineToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var edited = payload.Replace("\"role\":\"Member\"", "\"role\":[\"Member\",\"Admin\"]", StringComparison.Ordinal);
        Assert.NotEqual(payload, edited);
        return $"{parts[0]}.{Base64Url(edited)}.{parts[2]}";
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
