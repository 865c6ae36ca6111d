using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>Admins bar members from trading (and lift the bar).</summary>
public sealed class Blacklist(ETicketDbContext db, IEnumerable<IMemberBlacklistedHandler> handlers, TimeProvider clock)
{
    public async Task<Outcome<Member>> SetAsync(string adminId, string memberId, bool blacklisted, string? reason, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(adminId, "Only admins blacklist members.", cancellationToken);
        var why = Texts.Clean(reason);
        if (Member.CheckBlacklistReason(why) is { } badReason)
            return badReason;
        // A handler's change may lose a race on a version (a listing bought while it is withdrawn): the
        // second attempt decides from the new state.
        return await Transactions.OnceMoreIfOvertakenAsync(() => SetNowAsync(memberId, blacklisted, why, cancellationToken));
    }

    private async Task<Outcome<Member>> SetNowAsync(string memberId, bool blacklisted, string? why, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var member = Ids.IsWellFormed(memberId)
            ? await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            : null;
        if (member is null)
            return new UserError(UserErrorCode.NotFound, "There is no such member.", "memberId");

        var now = clock.Now();
        member.SetBlacklisted(blacklisted, why, now);
        if (blacklisted)
        {
            foreach (var handler in handlers)
                await handler.OnBlacklistedAsync(member.Id, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }
}
