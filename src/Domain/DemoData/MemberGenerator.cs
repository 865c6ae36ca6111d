using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;

namespace ETicket.Domain.DemoData;

/// <summary>
/// Makes the demo's members with the domain's own factories: most sign in with a phone number, the
/// rest through WeChat, with Chinese and English nicknames, some avatars and genders. Their
/// reputation is the history of trades they made before the demo's own orders, earned and lost by
/// the marketplace's rules (<see cref="MarketplaceOptions.CompletedTradePoints"/> per completed
/// trade, <see cref="MarketplaceOptions.RefundPenaltyPoints"/> per refunded sale), so every
/// membership level is represented.
/// </summary>
/// <param name="takenIdentities">Phone numbers and openids already in the database: skipped, so a run with --force never collides.</param>
public sealed class MemberGenerator(Random random, DateTimeOffset now, MarketplaceOptions marketplace, IReadOnlySet<string> takenIdentities)
{
    /// <summary>Demo phone numbers count up from here (139 0000 0000).</summary>
    private const long FirstPhoneNumber = 139_0000_0000;

    /// <summary>Everyone joined before the oldest listing the demo publishes (<see cref="DemoHistory.FirstPublish"/>).</summary>
    private static readonly (int From, int To) JoinedDaysAgo = (DemoHistory.FirstPublish.Days + 10, 1200);

    private static readonly string[] ChineseStarts = ["快乐的", "爱听歌的", "周末的", "安静的", "热情的", "追光的", "早起的", "小", "大", "阿"];
    private static readonly string[] ChineseEnds = ["猫", "鲸鱼", "小熊", "旅人", "票友", "歌迷", "影迷", "橘子", "兔子", "星星", "山风", "海盐"];
    private static readonly string[] EnglishNames =
    [
        "Alice", "Kevin", "Momo", "Vivian", "Leo", "Coco", "Jason", "Emma", "Tony", "Lily", "Eric", "Nina", "Sam", "Yuki", "Ben", "Grace",
    ];
    private static readonly string[] EnglishSurnames = ["Chen", "Wang", "Li", "Zhang", "Liu", "Lin", "Huang", "Zhou", "Wu", "Xu"];

    /// <summary>How the members' past trades spread over the levels: most are NORMAL, a few DIAMOND.</summary>
    private static readonly (MembershipLevel Level, int Weight, int MinTrades, int MaxTrades)[] Histories =
    [
        (MembershipLevel.Normal, 55, 0, 9), (MembershipLevel.Silver, 28, 10, 49),
        (MembershipLevel.Golden, 12, 50, 99), (MembershipLevel.Diamond, 5, 100, 300),
    ];

    private long nextPhoneNumber = FirstPhoneNumber;
    private int nextOpenId = 1;

    /// <summary>The platform's customer service: an admin, who resolves the demo's disputes and blacklists.</summary>
    /// <remarks>The role follows ETicket:Members:Admins at each sign-in, as for every admin: list the phone number there to sign in as it.</remarks>
    public Member MakeAdmin()
    {
        var phoneNumber = NextPhoneNumber();
        var admin = Member.JoinWithPhoneNumber(phoneNumber, "ETicket客服", now.AddDays(-JoinedDaysAgo.To));
        admin.ApplyAdminList([phoneNumber]);
        return admin;
    }

    public Member Make()
    {
        var joinedAt = now.AddDays(-random.Next(JoinedDaysAgo.From, JoinedDaysAgo.To)).AddMinutes(-random.Next(1440));
        var nickname = Nickname();
        var member = random.Next(100) < 65
            ? Member.JoinWithPhoneNumber(NextPhoneNumber(), nickname, joinedAt)
            // Members who never set a nickname in the mini-program keep WeChat's default.
            : Member.JoinWithWeChat(NextOpenId(), unionId: null, random.Next(5) == 0 ? null : nickname, avatarUrl: null, joinedAt);
        var avatarUrl = random.Next(2) == 0 ? $"https://img.example.cn/avatars/{random.Next(1, 1000)}.jpg" : null;
        // The rules a profile change is checked against: a profile breaking one is a bug here, not data.
        if (ProfileRules.CheckNickname(member.Nickname) is not null || (avatarUrl is not null && ProfileRules.CheckAvatarUrl(avatarUrl) is not null))
            throw new InvalidOperationException($"A generated profile breaks a profile rule: {member.Nickname}, {avatarUrl}.");
        member.UpdateProfile(nickname: null, avatarUrl, gender: (Gender)random.Next(3));
        EarnPastReputation(member);
        return member;
    }

    private void EarnPastReputation(Member member)
    {
        var roll = random.Next(Histories.Sum(h => h.Weight));
        var history = Histories.First(h => (roll -= h.Weight) < 0);
        member.AwardCreditPoints(random.Next(history.MinTrades, history.MaxTrades + 1) * marketplace.CompletedTradePoints);
        // Some sold a code that did not work, and a dispute was refunded against them.
        if (random.Next(10) == 0)
            member.DeductCreditPoints(random.Next(1, 3) * marketplace.RefundPenaltyPoints);
    }

    private string Nickname() => random.Next(10) switch
    {
        < 6 => ChineseStarts[random.Next(ChineseStarts.Length)] + ChineseEnds[random.Next(ChineseEnds.Length)] + random.Next(100, 9999),
        < 8 => $"{EnglishNames[random.Next(EnglishNames.Length)]} {EnglishSurnames[random.Next(EnglishSurnames.Length)]}",
        _ => EnglishNames[random.Next(EnglishNames.Length)] + random.Next(10, 99),
    };

    private string NextPhoneNumber()
    {
        string phoneNumber;
        do
            phoneNumber = (nextPhoneNumber++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (takenIdentities.Contains(phoneNumber));
        return phoneNumber;
    }

    /// <summary>Shaped like WeChat's (28 characters from "o"), and marked as the demo's.</summary>
    private string NextOpenId()
    {
        string openId;
        do
            openId = $"oDEMO{nextOpenId++:D23}";
        while (takenIdentities.Contains(openId));
        return openId;
    }
}
