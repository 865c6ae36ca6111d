using System.Security.Cryptography;
using System.Text;
using ETicket.Domain.Common;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Members.Services;

/// <summary>Opens a session for a member who just proved who they are.</summary>
public sealed class SessionStarter(ETicketDbContext db, IAccessTokenIssuer accessTokens, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>Stores a new refresh token family for the member and saves the member's pending changes with it.</summary>
    public Task<Session> StartAsync(Member member, CancellationToken cancellationToken) =>
        IssueAsync(member, familyId: Ids.New(), cancellationToken);

    /// <summary>Issues the next refresh token of a family (rotation) with a new access token.</summary>
    public async Task<Session> IssueAsync(Member member, string familyId, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var refreshToken = NewRefreshToken();
        db.RefreshTokens.Add(RefreshToken.Issue(member.Id, familyId, Hash(refreshToken), now, options.Value.RefreshTokenLifetime));
        await db.SaveChangesAsync(cancellationToken);

        var access = accessTokens.Issue(member, now, options.Value.AccessTokenLifetime);
        return new Session(access.Token, refreshToken, access.ExpiresAt, member);
    }

    /// <summary>Refresh tokens are random, so a plain SHA-256 is enough to store them safely.</summary>
    public static string Hash(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private static string NewRefreshToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
