using System.Text.RegularExpressions;

namespace ETicket.Domain.Members;

public static partial class PhoneNumbers
{
    /// <summary>Digits, optionally after a '+', 6 to 20 of them.</summary>
    public static bool IsValid(string phoneNumber) => Shape().IsMatch(phoneNumber);

    /// <summary>"13812345678" becomes "138****5678": the first three and last four digits stay.</summary>
    public static string Mask(string phoneNumber) => phoneNumber.Length <= 7
        ? new string('*', phoneNumber.Length)
        : string.Concat(phoneNumber.AsSpan(0, 3), new string('*', phoneNumber.Length - 7), phoneNumber.AsSpan(phoneNumber.Length - 4));

    [GeneratedRegex(@"^\+?[0-9]{6,20}$")]
    private static partial Regex Shape();
}
