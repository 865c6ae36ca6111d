using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// What WeChat Pay signs, in every direction: lines each ended by \n, the last one the body. A request signs
/// method, path and query, timestamp, nonce and body; an answer or a notification signs timestamp, nonce and
/// body; wx.requestPayment's paySign signs appId, timeStamp, nonceStr and package.
/// </summary>
internal static class SignedMessage
{
    public const int NonceLength = 32;

    private const string NonceCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The lines, then the body, each followed by \n, in UTF-8.</summary>
    public static byte[] Of(ReadOnlySpan<string> lines, ReadOnlySpan<byte> body)
    {
        var head = new StringBuilder();
        foreach (var line in lines)
            head.Append(line).Append('\n');
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var message = new byte[headBytes.Length + body.Length + 1];
        headBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(headBytes.Length));
        message[^1] = (byte)'\n';
        return message;
    }

    public static string NewNonce() => RandomNumberGenerator.GetString(NonceCharacters, NonceLength);

    /// <summary>Unix seconds, as every WeChat Pay timestamp is written.</summary>
    public static string Timestamp(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
