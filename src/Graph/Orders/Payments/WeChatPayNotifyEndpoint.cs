using ETicket.Domain.Orders.Payments.WeChatPay;

namespace ETicket.Graph.Orders.Payments;

/// <summary>
/// POST /payments/wechat/notify: WeChat Pay's payment, refund and transfer notifications, on the
/// processes that own orders (all-in-one, tickets; the gateway passes it on in the federated
/// deployment). Answered as WeChat Pay expects: 204 when taken, a FAIL body otherwise, which makes
/// WeChat Pay send it again later.
/// </summary>
public static class WeChatPayNotifyEndpoint
{
    public const string Path = "/payments/wechat/notify";

    /// <summary>Maps the endpoint where WeChat Pay is the provider; elsewhere there is nothing to notify.</summary>
    public static IEndpointRouteBuilder MapWeChatPayNotifications(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<WeChatPayNotifications>() is not null)
            endpoints.MapPost(Path, AnswerAsync);
        return endpoints;
    }

    private static async Task AnswerAsync(HttpContext http, WeChatPayNotifications notifications, WeChatPayNotificationDesk desk, ILoggerFactory logs)
    {
        var request = http.Request;
        var body = await WeChatPayNotifications.ReadBodyAsync(request.Body, request.ContentLength, http.RequestAborted);
        var headers = new WeChatPaySignatureHeaders(request.Headers[WeChatPaySignatureHeaders.TimestampHeader],
            request.Headers[WeChatPaySignatureHeaders.NonceHeader], request.Headers[WeChatPaySignatureHeaders.SignatureHeader],
            request.Headers[WeChatPaySignatureHeaders.SerialHeader]);
        // Refusals are logged by TryRead, without the body or the headers' values.
        if (body is null || !notifications.TryRead(body, headers, out var notification, out _))
        {
            await FailAsync(http, WeChatPayNotificationAnswer.RefusedStatus);
            return;
        }
        try
        {
            // Not the request's token: once read, the notification is acted on even if WeChat Pay hangs up.
            await desk.HandleAsync(notification, CancellationToken.None);
        }
        catch (Exception failure)
        {
            // The database is down, say: WeChat Pay sends it again later, and nothing was half done (one transaction).
            logs.CreateLogger(typeof(WeChatPayNotifyEndpoint)).LogError(failure, "A WeChat Pay notification ({EventType}) could not be recorded; WeChat Pay will send it again.",
                notification.EventType);
            await FailAsync(http, WeChatPayNotificationAnswer.FailedStatus);
            return;
        }
        http.Response.StatusCode = WeChatPayNotificationAnswer.SuccessStatus;
    }

    private static async Task FailAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = WeChatPayNotificationAnswer.FailureContentType;
        await http.Response.Body.WriteAsync(WeChatPayNotificationAnswer.FailureBodyBytes, http.RequestAborted);
    }
}
