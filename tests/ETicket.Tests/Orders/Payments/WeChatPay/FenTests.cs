using ETicket.Domain.Orders.Payments.WeChatPay;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

public sealed class FenTests
{
    [Theory]
    [InlineData("120", 12000)]
    [InlineData("120.5", 12050)]
    [InlineData("120.50", 12050)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("-3.10", -310)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void Yuan_with_at_most_two_places_are_whole_fen(string yuan, long fen)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(fen, Fen.FromYuan(amount));
        Assert.Equal(amount, Fen.ToYuan(fen));
    }

    [Theory]
    [InlineData("120.505")]
    [InlineData("0.001")]
    [InlineData("92233720368547758.08")]
    [InlineData("79228162514264337593543950335")]
    public void A_fraction_of_a_fen_or_more_than_a_long_holds_is_refused(string yuan)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(Fen.TryFromYuan(amount, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fen.FromYuan(amount));
    }
}
