using System.Text.RegularExpressions;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// The formats WeChat Pay documents for what the platform sends. The merchant's numbers go into URL paths,
/// so nothing outside these characters is ever sent; a value that breaks them is a bug in the caller.
/// </summary>
internal static partial class WeChatPayArguments
{
    public static string OutTradeNo(string value) => Matching(value, OutTradeNoPattern(), "out_trade_no: 6 to 32 of 0-9 A-Z a-z _ - *");

    public static string OutRefundNo(string value) => Matching(value, OutRefundNoPattern(), "out_refund_no: 1 to 64 of 0-9 A-Z a-z _ - | * @");

    public static string OutBillNo(string value) => Matching(value, OutBillNoPattern(), "out_bill_no: 1 to 32 of 0-9 A-Z a-z");

    public static string OpenId(string value) => Matching(value, OpenIdPattern(), "an openid: 1 to 128 of 0-9 A-Z a-z _ -");

    public static string Text(string value, int maxLength, string what) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength ? value
            : throw new ArgumentException($"WeChat Pay takes {what} of 1 to {maxLength} characters.", what);

    public static long Fen(long amount, string what) =>
        amount > 0 ? amount : throw new ArgumentOutOfRangeException(what, amount, $"WeChat Pay takes {what} in fen, more than 0.");

    private static string Matching(string value, Regex pattern, string what) =>
        value is not null && pattern.IsMatch(value) ? value : throw new ArgumentException($"Not {what}.", nameof(value));

    [GeneratedRegex(@"^[0-9A-Za-z_\-*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();

    [GeneratedRegex(@"^[0-9A-Za-z_\-|*@]{1,64}$")]
    private static partial Regex OutRefundNoPattern();

    [GeneratedRegex("^[0-9A-Za-z]{1,32}$")]
    private static partial Regex OutBillNoPattern();

    [GeneratedRegex(@"^[0-9A-Za-z_\-]{1,128}$")]
    private static partial Regex OpenIdPattern();
}
