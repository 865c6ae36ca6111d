using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>How long a WeChat Pay call waits, and when it is tried again.</summary>
internal static class WeChatPayResilience
{
    /// <summary>
    /// Set on a request that may be sent again unchanged: a query, or a call WeChat Pay treats as the same one
    /// when repeated with the same out_trade_no, out_refund_no or out_bill_no. Requests without it are sent once.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("ETicket.WeChatPay.Repeatable");

    /// <summary>
    /// Set when an attempt before the last may have reached WeChat Pay and been carried out (it answered 5xx, or
    /// the connection broke after sending): the call's outcome is unknown, whatever the last attempt says.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> EarlierAttemptMayHaveActed = new("ETicket.WeChatPay.EarlierAttemptMayHaveActed");

    /// <summary>Whether a failed attempt may still have been carried out: anything but a refusal to connect or a 429.</summary>
    public static bool MayHaveActed(HttpRequestError error) =>
        error is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<WeChatPayOptions>>().Value;
        pipeline
            // Outermost, so a call waits at most this long, its retries included.
            .AddTimeout(options.Timeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsRepeatable(args.Context.GetRequestMessage()) && IsPassing(args.Outcome)),
                OnRetry = args =>
                {
                    if (MayHaveActed(args.Outcome))
                        args.Context.GetRequestMessage()?.Options.Set(EarlierAttemptMayHaveActed, true);
                    return ValueTask.CompletedTask;
                },
            });
    }

    private static bool IsRepeatable(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Repeatable, out var repeatable) && repeatable;

    // WeChat Pay's own advice: SYSTEM_ERROR (a 5xx) and FREQUENCY_LIMITED (429) are to be tried again with the same parameters.
    private static bool IsPassing(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };

    private static bool MayHaveActed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
        { Exception: HttpRequestException exception } => MayHaveActed(exception.HttpRequestError),
        _ => false,
    };
}
