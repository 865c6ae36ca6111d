using ETicket.Domain.Members;

namespace ETicket.Tests.Domain;

public sealed class CreditPointsTests
{
    [Fact]
    public void Points_add_up_and_the_level_follows()
    {
        var member = Member.JoinWithPhoneNumber("13800000001", null, DateTimeOffset.UtcNow);
        member.AwardCreditPoints(60);
        member.AwardCreditPoints(50);

        Assert.Equal(110, member.CreditPoints);
        Assert.Equal(MembershipLevel.Silver, member.MembershipLevel);
    }

    [Fact]
    public void Deductions_never_go_below_zero()
    {
        var member = Member.JoinWithPhoneNumber("13800000001", null, DateTimeOffset.UtcNow);
        member.AwardCreditPoints(30);
        member.DeductCreditPoints(50);

        Assert.Equal(0, member.CreditPoints);
    }

    [Fact]
    public void Negative_amounts_are_programming_errors()
    {
        var member = Member.JoinWithPhoneNumber("13800000001", null, DateTimeOffset.UtcNow);
        Assert.Throws<ArgumentOutOfRangeException>(() => member.AwardCreditPoints(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => member.DeductCreditPoints(-1));
    }
}
