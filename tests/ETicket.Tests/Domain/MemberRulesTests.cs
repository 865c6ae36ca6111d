using ETicket.Domain.Members;

namespace ETicket.Tests.Domain;

public sealed class MemberRulesTests
{
    [Theory]
    [InlineData(0, MembershipLevel.Normal)]
    [InlineData(99, MembershipLevel.Normal)]
    [InlineData(100, MembershipLevel.Silver)]
    [InlineData(499, MembershipLevel.Silver)]
    [InlineData(500, MembershipLevel.Golden)]
    [InlineData(999, MembershipLevel.Golden)]
    [InlineData(1000, MembershipLevel.Diamond)]
    [InlineData(50000, MembershipLevel.Diamond)]
    public void The_level_follows_credit_points(int points, MembershipLevel level) =>
        Assert.Equal(level, MembershipLevels.ForCreditPoints(points));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+86*******5678")]
    [InlineData("1234567", "*******")]
    public void Phone_numbers_mask_all_but_the_ends(string phone, string masked) =>
        Assert.Equal(masked, PhoneNumbers.Mask(phone));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+8613812345678", true)]
    [InlineData("12345", false)]
    [InlineData("138-1234-5678", false)]
    [InlineData("abc", false)]
    public void Phone_numbers_are_digits(string phone, bool valid) => Assert.Equal(valid, PhoneNumbers.IsValid(phone));
}
