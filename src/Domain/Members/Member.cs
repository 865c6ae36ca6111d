using ETicket.Domain.Common;

namespace ETicket.Domain.Members;

public enum Gender { Unknown, Male, Female }

public enum Role { Member, Admin }

/// <summary>Someone who signed in: a buyer, a seller, or both.</summary>
public sealed class Member : IEntity
{
    public const int NicknameMaxLength = 30;

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

    /// <summary>Admins are named in configuration; the role follows it at every sign-in.</summary>
    public void ApplyAdminList(IReadOnlyCollection<string> admins) =>
        IsAdmin = (PhoneNumber is not null && admins.Contains(PhoneNumber)) || (OpenId is not null && admins.Contains(OpenId));

    public void Rename(string nickname) => Nickname = nickname;

    // "用户5678": the last four digits, like the mini-program shows a new member.
    private static string DefaultNickname(string phoneNumber) => "用户" + phoneNumber[^Math.Min(4, phoneNumber.Length)..];
}
