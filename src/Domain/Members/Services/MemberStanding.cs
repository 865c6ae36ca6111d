using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>Whether a member may trade, for the modules that let them.</summary>
public sealed class MemberStanding(ETicketDbContext db)
{
    /// <summary>
    /// Whether the member is in this database. A validly signed access token can name one who is not
    /// (after a restore, or with a signing key shared across environments): such a token is refused.
    /// </summary>
    public Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken) =>
        db.Members.AnyAsync(m => m.Id == memberId, cancellationToken);

    /// <summary>null when the member may trade, else why not (BLACKLISTED).</summary>
    public async Task<UserError?> CheckMayTradeAsync(string memberId, CancellationToken cancellationToken) =>
        await db.Members.AnyAsync(m => m.Id == memberId && m.Blacklisted, cancellationToken)
            ? new UserError(UserErrorCode.Blacklisted, "Your account is blacklisted: you can sign in and browse, but not trade.")
            : null;
}
