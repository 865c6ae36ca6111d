using ETicket.Domain.Common;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Members.WeChat;

/// <summary>
/// Sign-in from the mini-program: WeChat vouches for the user (jscode2session), the first sign-in
/// creates the member, later ones find it by openid.
/// </summary>
public sealed class WeChatSignIn(ETicketDbContext db, JsCode2SessionClient weChat, SessionStarter sessions, TimeProvider clock, IOptions<MembersOptions> options)
{
    /// <summary>wx.login() codes are 32 characters; anything much longer is not one and is not sent to WeChat.</summary>
    public const int CodeMaxLength = 128;

    /// <param name="nickname">The new member's nickname; a member who already exists keeps theirs (updateProfile changes it).</param>
    /// <param name="avatarUrl">The new member's avatar, like <paramref name="nickname"/>.</param>
    public async Task<Outcome<Session>> SignInAsync(string code, string? nickname, string? avatarUrl, CancellationToken cancellationToken)
    {
        if (Texts.Clean(code) is not { Length: <= CodeMaxLength } jsCode)
            return UserError.Validation("code", $"A code is what wx.login() gives the mini-program: 1 to {CodeMaxLength} characters.");
        var name = Texts.Clean(nickname);
        if (name is not null && ProfileRules.CheckNickname(name) is { } invalidName)
            return invalidName;
        var avatar = Texts.Clean(avatarUrl);
        if (avatar is not null && ProfileRules.CheckAvatarUrl(avatar) is { } invalidAvatar)
            return invalidAvatar;

        var exchange = await weChat.ExchangeAsync(jsCode, cancellationToken);
        if (exchange.Value is not { } identity)
            return Outcome<Session>.Failure(exchange.Errors);
        return await SignInAsync(identity, name, avatar, retryOnConflict: true, cancellationToken);
    }

    private async Task<Outcome<Session>> SignInAsync(WeChatIdentity identity, string? nickname, string? avatarUrl, bool retryOnConflict, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.OpenId == identity.OpenId, cancellationToken);
        if (member is null)
        {
            member = Member.JoinWithWeChat(identity.OpenId, identity.UnionId, nickname, avatarUrl, clock.Now());
            db.Members.Add(member);
        }
        else
        {
            member.RememberUnionId(identity.UnionId);
        }
        member.ApplyAdminList(options.Value.Admins);

        try
        {
            return await sessions.StartAsync(member, cancellationToken);
        }
        catch (DbUpdateException) when (retryOnConflict && db.Entry(member).State == EntityState.Added)
        {
            // This WeChat user joined at the same moment in another request: sign in to that member.
            // WeChat's answer is reused: the code works only once.
            db.ChangeTracker.Clear();
            return await SignInAsync(identity, nickname, avatarUrl, retryOnConflict: false, cancellationToken);
        }
    }
}
