using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>Members edit their own profile.</summary>
public sealed class ProfileEditor(ETicketDbContext db)
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
        member.UpdateProfile(nickname, avatarUrl, changes.Gender);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }
}
