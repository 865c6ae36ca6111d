using System.Text;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// How a notification endpoint answers WeChat Pay. Success stops the notification; anything else, or no
/// answer within five seconds, has WeChat Pay send it again later (15 s, then minutes, then hours, for about a day).
/// </summary>
public static class WeChatPayNotificationAnswer
{
    /// <summary>Received and recorded (or recorded before: a duplicate): 200 or 204 with no body.</summary>
    public const int SuccessStatus = 204;

    /// <summary>Refused (<see cref="WeChatPayRefusal"/>): not WeChat Pay's, or not readable. The failure body goes with it.</summary>
    public const int RefusedStatus = 400;

    /// <summary>Genuine, but the platform could not record it now (its database is down): WeChat Pay will send it again.</summary>
    public const int FailedStatus = 500;

    public const string FailureContentType = "application/json; charset=utf-8";

    public const string FailureBody = """{"code":"FAIL","message":"失败"}""";

    public static ReadOnlyMemory<byte> FailureBodyBytes { get; } = Encoding.UTF8.GetBytes(FailureBody);
}
