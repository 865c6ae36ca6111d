namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>WeChat Pay counts money in fen (1/100 yuan), as whole numbers: converted exactly, never through floating point.</summary>
public static class Fen
{
    /// <summary>120.50 yuan is 12050 fen; throws for a fraction of a fen (120.505) or an amount beyond a long.</summary>
    public static long FromYuan(decimal yuan) =>
        TryFromYuan(yuan, out var fen) ? fen : throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "Not a whole number of fen: at most two decimal places, within range.");

    public static bool TryFromYuan(decimal yuan, out long fen)
    {
        // Checked first: multiplying a huge decimal by 100 would overflow.
        var inRange = Math.Abs(yuan) <= long.MaxValue / 100m;
        var exact = inRange ? yuan * 100m : 0m;
        if (!inRange || exact != decimal.Truncate(exact))
        {
            fen = 0;
            return false;
        }
        fen = (long)exact;
        return true;
    }

    public static decimal ToYuan(long fen) => fen / 100m;
}
