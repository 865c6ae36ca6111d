using System.Diagnostics.CodeAnalysis;
using ETicket.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ETicket.Domain.Members.WeChat;

/// <summary>
/// Exchanges the code from wx.login() for the user's openid at WeChat's <c>jscode2session</c>.
/// The request URL carries the AppSecret and the code, so this client has no HTTP logging
/// (<see cref="WeChatRegistration"/>) and logs only WeChat's errcode, the HTTP status and timings.
/// </summary>
public sealed partial class JsCode2SessionClient(HttpClient http, IOptions<WeChatOptions> options, TimeProvider clock, ILogger<JsCode2SessionClient> logger)
{
    // The size of the Members.OpenId and UnionId columns; WeChat's ids are 28 or 29 characters.
    private const int IdMaxLength = 64;

    public async Task<Outcome<WeChatIdentity>> ExchangeAsync(string code, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasCredentials)
            return Failure("This server has no WeChat credentials (ETicket:WeChat:AppId and ETicket:WeChat:AppSecret), so it cannot sign in with WeChat.");

        var started = clock.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(RequestUri(settings.BaseUrl, settings.AppId, settings.AppSecret, code), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogHttpFailure(logger, (int)response.StatusCode, ElapsedMs(started));
                return Failure($"WeChat answered HTTP {(int)response.StatusCode}. Please try again later.");
            }
            var reply = await JsCode2SessionReply.ReadAsync(response.Content, cancellationToken);
            return Interpret(reply, ElapsedMs(started));
        }
        catch (TimeoutRejectedException)
        {
            LogTimeout(logger, ElapsedMs(started));
            return Failure("WeChat did not answer in time. Please try again.");
        }
        catch (HttpRequestException exception)
        {
            // The exception's message is not logged: the platform does not control what it quotes.
            LogUnreachable(logger, exception.HttpRequestError, ElapsedMs(started));
            return Failure("WeChat could not be reached. Please try again later.");
        }
    }

    private Outcome<WeChatIdentity> Interpret(JsCode2SessionReply? reply, long elapsedMs)
    {
        if (reply is null)
            return Unreadable(elapsedMs);
        if (reply.ErrCode != 0)
        {
            var (message, level) = Refusal(reply.ErrCode);
            LogRefused(logger, level, reply.ErrCode, reply.ErrMsg, elapsedMs);
            return Failure(message);
        }
        var unionId = Texts.Clean(reply.UnionId);
        if (!IsId(reply.OpenId) || (unionId is not null && !IsId(unionId)))
            return Unreadable(elapsedMs);
        LogExchanged(logger, elapsedMs);
        return new WeChatIdentity(reply.OpenId, unionId);
    }

    private UserError Unreadable(long elapsedMs)
    {
        // Not the body: a reply without an openid may still hold the session key.
        LogUnreadable(logger, elapsedMs);
        return Failure("WeChat's answer could not be read. Please try again later.");
    }

    // What the member is told, and how loudly the platform logs it: a stale code or a limited user is
    // the member's business; anything else may need someone to look at the configuration or WeChat.
    private static (string Message, LogLevel Level) Refusal(int errCode) => errCode switch
    {
        40029 or 40163 => ("WeChat did not accept the sign-in code: it is invalid, expired or already used. Call wx.login() for a new one.", LogLevel.Information),
        45011 => ("WeChat is limiting sign-ins for this user right now. Please wait a minute and try again.", LogLevel.Information),
        40226 => ("WeChat has flagged this account as risky and blocked the sign-in.", LogLevel.Information),
        JsCode2SessionReply.Busy => ("WeChat is busy. Please try again in a moment.", LogLevel.Warning),
        _ => ($"WeChat refused the sign-in (errcode {errCode}).", LogLevel.Warning),
    };

    private static Uri RequestUri(Uri baseUrl, string appId, string appSecret, string code) =>
        new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/sns/jscode2session?appid={Uri.EscapeDataString(appId)}" +
            $"&secret={Uri.EscapeDataString(appSecret)}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code");

    private static bool IsId([NotNullWhen(true)] string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= IdMaxLength;

    private static UserError Failure(string message) => new(UserErrorCode.WeChatSignInFailed, message);

    private long ElapsedMs(long started) => (long)clock.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message = "jscode2session gave an openid in {ElapsedMs} ms")]
    private static partial void LogExchanged(ILogger logger, long elapsedMs);

    [LoggerMessage(Message = "jscode2session answered errcode {ErrCode} ({ErrMsg}) in {ElapsedMs} ms")]
    private static partial void LogRefused(ILogger logger, LogLevel level, int errCode, string? errMsg, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "jscode2session answered HTTP {Status} in {ElapsedMs} ms")]
    private static partial void LogHttpFailure(ILogger logger, int status, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "jscode2session answered in {ElapsedMs} ms with something other than JSON with an openid")]
    private static partial void LogUnreadable(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "jscode2session did not answer within the timeout ({ElapsedMs} ms)")]
    private static partial void LogTimeout(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "jscode2session could not be reached ({Error}) after {ElapsedMs} ms")]
    private static partial void LogUnreachable(ILogger logger, HttpRequestError error, long elapsedMs);
}
