using ETicket.Domain.Common;

namespace ETicket.Domain.Members;

/// <summary>Someone who signed in: a buyer, a seller, or both.</summary>
public sealed class Member : IEntity
{
    public const int NicknameMaxLength = 30;
    public const int BlacklistReasonMaxLength = 200;

    /// <summary>An admin's reason for a blacklisting is optional and short.</summary>
    public static UserError? CheckBlacklistReason(string? reason) =>
        reason is { Length: > BlacklistReasonMaxLength }
            ? UserError.Validation("reason", $"A reason has at most {BlacklistReasonMaxLength} characters.")
            : null;
    public const string WeChatDefaultNickname = "微信用户";

    /// <summary>The nickname of <see cref="Missing"/> and of the stand-in rows migration MembersReferenced added: "unknown user".</summary>
    public const string MissingNickname = "未知用户";

    private Member() { }

    public string Id { get; private set; } = "";
    public string? OpenId { get; private set; }
    public string? UnionId { get; private set; }
    public string? PhoneNumber { get; private set; }
    public string Nickname { get; private set; } = "";
    public string? AvatarUrl { get; private set; }
    public Gender Gender { get; private set; }
    public int CreditPoints { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool Blacklisted { get; private set; }
    public string? BlacklistReason { get; private set; }
    public DateTimeOffset? BlacklistedAt { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    public MembershipLevel MembershipLevel => MembershipLevels.ForCreditPoints(CreditPoints);

    /// <summary>Admins hold both roles.</summary>
    public IReadOnlyList<Role> Roles => IsAdmin ? [Role.Member, Role.Admin] : [Role.Member];

    public static Member JoinWithPhoneNumber(string phoneNumber, string? nickname, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        PhoneNumber = phoneNumber,
        Nickname = nickname ?? DefaultNickname(phoneNumber),
        JoinedAt = now,
    };

    /// <summary>First sign-in from the mini-program: the member is keyed by the openid WeChat gives.</summary>
    public static Member JoinWithWeChat(string openId, string? unionId, string? nickname, string? avatarUrl, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        OpenId = openId,
        UnionId = unionId,
        Nickname = nickname ?? WeChatDefaultNickname,
        AvatarUrl = avatarUrl,
        JoinedAt = now,
    };

    /// <summary>
    /// Stands in for a member that a listing, order or request refers to but the database does not
    /// have, so one such row never breaks a page for everyone. Foreign keys prevent it in one
    /// database; this covers data older than them and a members store apart from the tickets one.
    /// Blacklisted, like the stand-in rows, so it never appears to be able to trade.
    /// </summary>
    public static Member Missing(string id) => new()
    {
        Id = id,
        Nickname = MissingNickname,
        Blacklisted = true,
        JoinedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>WeChat sends the unionid only once the app is bound to an open platform account: keep it when it comes.</summary>
    public void RememberUnionId(string? unionId) => UnionId = unionId ?? UnionId;

    /// <summary>Admins are named in configuration; the role follows it at every sign-in.</summary>
    public void ApplyAdminList(IReadOnlyCollection<string> admins) =>
        IsAdmin = (PhoneNumber is not null && admins.Contains(PhoneNumber)) || (OpenId is not null && admins.Contains(OpenId));

    /// <summary>Changes what is given; <paramref name="avatarUrl"/> "" removes the avatar. Check <see cref="ProfileRules"/> first.</summary>
    public void UpdateProfile(string? nickname, string? avatarUrl, Gender? gender)
    {
        if (nickname is not null)
            Nickname = nickname;
        if (avatarUrl is not null)
            AvatarUrl = avatarUrl.Length == 0 ? null : avatarUrl;
        if (gender is { } value)
            Gender = value;
    }

    /// <summary>A blacklisted member may sign in and read, but not sell, buy or post wanted requests.</summary>
    public void SetBlacklisted(bool blacklisted, string? reason, DateTimeOffset now)
    {
        Blacklisted = blacklisted;
        BlacklistReason = blacklisted ? reason : null;
        BlacklistedAt = blacklisted ? BlacklistedAt ?? now : null;
    }

    /// <summary>Reputation earned, e.g. for a completed trade.</summary>
    public void AwardCreditPoints(int points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        CreditPoints = checked(CreditPoints + points);
    }

    /// <summary>Reputation lost, e.g. for a refunded sale; never below zero.</summary>
    public void DeductCreditPoints(int points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        CreditPoints = Math.Max(0, CreditPoints - points);
    }

    // "用户5678": the last four digits, like the mini-program shows a new member.
    private static string DefaultNickname(string phoneNumber) => "用户" + phoneNumber[^Math.Min(4, phoneNumber.Length)..];
}
