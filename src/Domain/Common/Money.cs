using System.Globalization;

namespace ETicket.Domain.Common;

/// <summary>Money is a decimal with at most two places, stored as decimal(18,2) or as cents.</summary>
public static class Money
{
    /// <summary>The largest amount decimal(18,2) holds.</summary>
    public const decimal MaxValue = 9_999_999_999_999_999.99m;

    /// <summary>Parses "120", "120.5" or "120.50" (invariant culture, optional leading minus).</summary>
    public static bool TryParse(string? text, out decimal amount, out string error)
    {
        amount = 0;
        if (string.IsNullOrEmpty(text) || !IsPlainNumber(text))
        {
            error = $"\"{text}\" is not an amount of money; write it like \"120\" or \"120.50\".";
            return false;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out amount) || Math.Abs(amount) > MaxValue)
        {
            error = $"\"{text}\" is out of range for an amount of money.";
            return false;
        }
        if (Places(amount) > 2)
        {
            error = $"\"{text}\" has more than two decimal places.";
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>Always two decimals, invariant culture: "120.00".</summary>
    public static string Format(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    public static long ToCents(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.ToEven);

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>Significant decimal places: 120.50 has one, 120.505 three.</summary>
    // Dividing by 1.000... strips trailing zeros from the scale.
    public static int Places(decimal amount) => (amount / 1.000000000000000000000000000000000m).Scale;

    // Digits with at most one '.', optionally after a '-'; no exponents, spaces, separators or '+'.
    private static bool IsPlainNumber(string text)
    {
        var digits = 0;
        var dots = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9') digits++;
            else if (c == '.' && dots++ == 0 && digits > 0) { }
            else if (c == '-' && i == 0) { }
            else return false;
        }
        return digits > 0 && text[^1] != '.';
    }
}
