using System.Text;

namespace ETicket.Domain.Common;

public static class ContractNames
{
    /// <summary>An enum value as the API spells it: PendingPayment becomes PENDING_PAYMENT.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
