using ETicket.Domain.Common;

namespace ETicket.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("120", 120)]
    [InlineData("120.5", 120.5)]
    [InlineData("120.50", 120.5)]
    [InlineData("0.01", 0.01)]
    [InlineData("-3.10", -3.1)]
    [InlineData("120.500", 120.5)]
    public void Parses_plain_amounts(string text, double expected)
    {
        Assert.True(Money.TryParse(text, out var amount, out _));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("120.505", "more than two decimal places")]
    [InlineData("1e3", "not an amount")]
    [InlineData("+5", "not an amount")]
    [InlineData(" 5", "not an amount")]
    [InlineData("5.", "not an amount")]
    [InlineData(".5", "not an amount")]
    [InlineData("1,000", "not an amount")]
    [InlineData("", "not an amount")]
    [InlineData("99999999999999999.00", "out of range")]
    public void Refuses_anything_else_and_says_why(string text, string reason)
    {
        Assert.False(Money.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData(120, "120.00")]
    [InlineData(0.5, "0.50")]
    [InlineData(1234567.89, "1234567.89")]
    public void Formats_with_two_decimals_whatever_the_culture(double amount, string expected)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal(expected, Money.Format((decimal)amount));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Cents_round_trip() => Assert.Equal(1234.56m, Money.FromCents(Money.ToCents(1234.56m)));
}
