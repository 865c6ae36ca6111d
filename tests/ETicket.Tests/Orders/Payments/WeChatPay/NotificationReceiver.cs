using System.Collections.Concurrent;
using ETicket.Domain.Orders.Payments.WeChatPay;
using ETicket.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ETicket.Tests.Orders.Payments.WeChatPay;

/// <summary>
/// A notify endpoint on loopback, built the way the platform's will be: bounded body, <see cref="WeChatPayNotifications"/>,
/// and <see cref="WeChatPayNotificationAnswer"/>'s statuses and body. It keeps what it accepted.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WeChatPayNotification> _accepted = new();

    private NotificationReceiver(WebApplication app, WeChatPayNotifications notifications)
    {
        _app = app;
        app.MapPost("/wechatpay/notify", http => AnswerAsync(http, notifications));
    }

    public Uri NotifyUrl { get; private set; } = null!;

    public IReadOnlyList<WeChatPayNotification> Accepted => [.. _accepted];

    public static async Task<NotificationReceiver> StartAsync(WeChatPayNotifications notifications)
    {
        var receiver = new NotificationReceiver(LoopbackApp.Create(), notifications);
        receiver.NotifyUrl = new Uri(await LoopbackApp.StartAsync(receiver._app), "/wechatpay/notify");
        return receiver;
    }

    private async Task AnswerAsync(HttpContext http, WeChatPayNotifications notifications)
    {
        var request = http.Request;
        var body = await WeChatPayNotifications.ReadBodyAsync(request.Body, request.ContentLength, http.RequestAborted);
        var headers = new WeChatPaySignatureHeaders(request.Headers[WeChatPaySignatureHeaders.TimestampHeader], request.Headers[WeChatPaySignatureHeaders.NonceHeader],
            request.Headers[WeChatPaySignatureHeaders.SignatureHeader], request.Headers[WeChatPaySignatureHeaders.SerialHeader]);
        if (body is not null && notifications.TryRead(body, headers, out var notification, out _))
        {
            _accepted.Enqueue(notification);
            http.Response.StatusCode = WeChatPayNotificationAnswer.SuccessStatus;
            return;
        }
        http.Response.StatusCode = WeChatPayNotificationAnswer.RefusedStatus;
        http.Response.ContentType = WeChatPayNotificationAnswer.FailureContentType;
        await http.Response.Body.WriteAsync(WeChatPayNotificationAnswer.FailureBodyBytes, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
