using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ETicket.Domain.Members.WeChat;

/// <summary>How long the jscode2session client waits, and when it tries once more.</summary>
internal static class JsCode2SessionResilience
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value;
        pipeline
            // Outermost, so the member waits at most this long, the retry included.
            .AddTimeout(options.Timeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                BackoffType = DelayBackoffType.Constant,
                Delay = RetryDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
            });
    }

    // A code works only once: retry only where WeChat most likely did not spend it (it said it was busy,
    // it failed, or the request never got there). Not after a timeout: WeChat may have used the code,
    // and the retry would only hear that the code was used.
    private static ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => ValueTask.FromResult(true),
        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => ValueTask.FromResult(true),
        { Result: { IsSuccessStatusCode: true } response } => SaysBusyAsync(response, cancellationToken),
        _ => ValueTask.FromResult(false),
    };

    private static async ValueTask<bool> SaysBusyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await JsCode2SessionReply.ReadAsync(response.Content, cancellationToken) is { ErrCode: JsCode2SessionReply.Busy };
}
