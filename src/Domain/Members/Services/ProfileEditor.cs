using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>Members edit their own profile.</summary>
public sealed class ProfileEditor(ETicketDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Member>> UpdateAsync(string memberId, ProfileChanges changes, CancellationToken cancellationToken)
    {
        var nickname = changes.Nickname?.Trim();
        var avatarUrl = changes.AvatarUrl?.Trim();
        var errors = new List<UserError>();
        if (nickname is not null && ProfileRules.CheckNickname(nickname) is { } badNickname)
            errors.Add(badNickname);
        if (avatarUrl is { Length: > 0 } && ProfileRules.CheckAvatarUrl(avatarUrl) is { } badAvatar)
            errors.Add(badAvatar);
        if (errors.Count > 0)
            return Outcome<Member>.Failure(errors);

        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
            return new UserError(UserErrorCode.NotFound, "There is no such member.");
        var (nicknameBefore, avatarBefore) = (member.Nickname, member.AvatarUrl);
        member.UpdateProfile(nickname, avatarUrl, changes.Gender);
        // The public profile is copied where it is shown (the tickets module's sellers): tell them.
        if (member.Nickname != nicknameBefore || member.AvatarUrl != avatarBefore)
            db.Enqueue(new MemberProfileChanged(member.Id, member.Nickname, member.AvatarUrl), clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }
}
