using ETicket.Domain.Members;
using ETicket.Domain.Orders;

namespace ETicket.Tests.Domain;

public sealed class ServiceChargeTests
{
    [Theory]
    [InlineData("0.01", "0.10")]
    [InlineData("9.99", "0.10")]
    [InlineData("10.00", "0.50")]
    [InlineData("49.99", "0.50")]
    [InlineData("50.00", "1.00")]
    [InlineData("99.99", "1.00")]
    [InlineData("100.00", "2.00")]
    [InlineData("999.99", "2.00")]
    [InlineData("1000.00", "5.00")]
    [InlineData("25000.00", "5.00")]
    public void Each_tier_starts_at_its_boundary(string price, string tierCharge)
    {
        // DIAMOND's discount makes the tier visible after rounding: tier x 0.90.
        var quote = ServiceCharges.Quote(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), MembershipLevel.Diamond);
        Assert.Equal(Math.Round(decimal.Parse(tierCharge, System.Globalization.CultureInfo.InvariantCulture) * 0.90m, 2, MidpointRounding.AwayFromZero), quote.ServiceCharge);
    }

    [Theory]
    [InlineData(MembershipLevel.Normal, "4.95")]
    [InlineData(MembershipLevel.Silver, "4.85")]
    [InlineData(MembershipLevel.Golden, "4.75")]
    [InlineData(MembershipLevel.Diamond, "4.50")]
    public void Levels_discount_the_charge(MembershipLevel level, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ServiceCharges.Quote(1000m, level).ServiceCharge);

    [Theory]
    [InlineData(MembershipLevel.Normal, "0.10")]   // 0.099 -> 0.10
    [InlineData(MembershipLevel.Silver, "0.10")]   // 0.097 -> 0.10
    [InlineData(MembershipLevel.Golden, "0.48")]   // 0.475 -> 0.48, half up
    public void Rounding_is_half_up_to_cents(MembershipLevel level, string expected)
    {
        var price = level == MembershipLevel.Golden ? 20m : 5m;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ServiceCharges.Quote(price, level).ServiceCharge);
    }

    [Fact]
    public void The_total_is_price_plus_charge() => Assert.Equal(881.98m, ServiceCharges.Quote(880m, MembershipLevel.Normal).Total);
}
