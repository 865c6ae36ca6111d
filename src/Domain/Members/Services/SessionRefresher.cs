using ETicket.Domain.Common;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Members.Services;

/// <summary>
/// Trades a refresh token for a new session. Each refresh token works once: it is rotated, and a
/// rotated token presented again means it was copied, so its whole family (every session since
/// that sign-in) is revoked.
/// </summary>
public sealed class SessionRefresher(ETicketDbContext db, SessionStarter sessions, TimeProvider clock, IOptions<MembersOptions> members)
{
    /// <remarks>
    /// One transaction: rotating the old token and storing the new one happen together, so a retry
    /// after a transient failure starts over instead of finding its own rotation and calling it theft.
    /// A failure commits too: a detected reuse must leave the family revoked.
    /// </remarks>
    public Task<Outcome<Session>> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        db.InTransactionAsync(ct => RotateAsync(refreshToken, ct), commit: _ => true, cancellationToken);

    private async Task<Outcome<Session>> RotateAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var hash = SessionStarter.Hash(refreshToken.Trim());
        var token = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
            return Invalid("This refresh token is not one this platform issued; sign in again.");
        var now = clock.Now();
        if (token.RevokedAt is not null)
            return await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
        if (token.ExpiresAt <= now)
            return Invalid("This refresh token has expired; sign in again.");

        // One conditional update decides between two requests racing with the same token: the loser
        // presented a token that was just rotated, which is exactly the reuse the rule guards against.
        var rotated = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        if (rotated == 0)
            return await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);

        var member = await db.Members.SingleAsync(m => m.Id == token.MemberId, cancellationToken);
        member.ApplyAdminList(members.Value.Admins);
        return await sessions.IssueAsync(member, token.FamilyId, cancellationToken);
    }

    private async Task<Outcome<Session>> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return Invalid("This refresh token was already used, so every session from its sign-in has been ended; sign in again.");
    }

    private static Outcome<Session> Invalid(string message) =>
        new UserError(UserErrorCode.InvalidRefreshToken, message, "refreshToken");
}
