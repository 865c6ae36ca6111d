namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>Who pays and who is paid out in these tests, and a time_expire far ahead.</summary>
internal static class WeChatPayTestData
{
    public const string PayerOpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    public const string SellerOpenId = "o-MYE42l80oelYMDE34nYD456Xoy";

    public static readonly DateTimeOffset Expiry = new(2099, 6, 8, 2, 34, 56, TimeSpan.Zero);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
