using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ETicket.Domain.Orders.Payments.WeChatPay;

/// <summary>
/// WeChat Pay's API v3 for a direct merchant: JSAPI payments, refunds and merchant transfers. Every request is
/// signed with the merchant key; every answer is believed only once its signature, key id and timestamp check
/// out. Failures are <see cref="WeChatPayException"/>s. Request bodies hold openids and payee names, so this
/// client has no HTTP logging (<see cref="WeChatPayRegistration"/>); it logs operations, statuses, codes and timings.
/// </summary>
public sealed partial class WeChatPayClient
{
    private const int MaxAnswerBytes = 256 * 1024;
    private const int MaxErrorMessageLength = 200;
    private const string Currency = "CNY";

    // What WeChat Pay answers, with a 404, when it has no such payment, refund or transfer.
    private static readonly HashSet<string> NotFoundCodes = ["ORDER_NOT_EXIST", "ORDERNOTEXIST", "RESOURCE_NOT_EXISTS", "NOT_FOUND"];
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly WeChatPayKeys _keys;
    private readonly IOptions<WeChatPayOptions> _options;
    private readonly SignatureVerifier _verifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeChatPayClient> _logger;

    public WeChatPayClient(HttpClient http, WeChatPayKeys keys, IOptions<WeChatPayOptions> options, TimeProvider clock, ILogger<WeChatPayClient> logger)
    {
        _http = http;
        _keys = keys;
        _options = options;
        _verifier = new SignatureVerifier(keys, options, clock);
        _clock = clock;
        _logger = logger;
    }

    private WeChatPayOptions Settings => _options.Value;

    /// <summary>
    /// Sends, checks the answer is WeChat Pay's, reads it as <typeparamref name="TAnswer"/>, and refuses it when
    /// <paramref name="check"/> finds it is not about what was asked.
    /// </summary>
    private async Task<TAnswer> ReadAsync<TAnswer>(string operation, HttpMethod method, string path, object? body, Func<TAnswer, WeChatPayRefusal?> check,
        CancellationToken cancellationToken)
    {
        var (status, answer) = await SendAsync(operation, method, path, body, cancellationToken);
        if (!WeChatPayJson.TryRead<TAnswer>(answer, out var read))
            throw Refused(operation, WeChatPayRefusal.Malformed, status);
        return check(read) is { } refusal ? throw Refused(operation, refusal, status) : read;
    }

    /// <summary>Sends a request WeChat Pay treats as the same one when repeated, and returns the verified answer's status and body.</summary>
    private async Task<(int Status, byte[] Body)> SendAsync(string operation, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new ByteArrayContent(WeChatPayJson.Write(body)) { Headers = { ContentType = Json } };
        request.Options.Set(WeChatPayResilience.Repeatable, true);
        var started = _clock.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var answer = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, MaxAnswerBytes, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw ErrorAnswered(operation, status, answer, EarlierAttemptMayHaveActed(request), ElapsedMs(started));
            if (answer is null)
                throw Refused(operation, WeChatPayRefusal.TooLarge, status);
            if (_verifier.Check(WeChatPaySignatureHeaders.From(response.Headers), answer) is { } refusal)
                throw Refused(operation, refusal, status);
            LogAnswered(_logger, operation, status, ElapsedMs(started));
            return (status, answer);
        }
        catch (TimeoutRejectedException exception)
        {
            LogTimeout(_logger, operation, ElapsedMs(started));
            throw new WeChatPayException($"WeChat Pay did not answer {operation} within {Settings.Timeout}.", WeChatPayException.TimeoutCode,
                httpStatus: null, outcomeUnknown: true, exception);
        }
        catch (HttpRequestException exception)
        {
            // The exception's message is not kept: the platform does not control what it quotes.
            LogUnreachable(_logger, operation, exception.HttpRequestError, ElapsedMs(started));
            throw new WeChatPayException($"WeChat Pay could not be reached for {operation} ({exception.HttpRequestError}).", WeChatPayException.UnreachableCode,
                httpStatus: null, outcomeUnknown: WeChatPayResilience.MayHaveActed(exception.HttpRequestError) || EarlierAttemptMayHaveActed(request));
        }
    }

    // An error answer is read, not verified: nothing is taken from it but its code, and no error moves money.
    private WeChatPayException ErrorAnswered(string operation, int status, byte[]? answer, bool earlierAttemptMayHaveActed, long elapsedMs)
    {
        var error = answer is not null && WeChatPayJson.TryRead<ErrorAnswer>(answer, out var read) ? read : null;
        var code = error?.Code ?? $"HTTP_{status}";
        var message = error?.Message is { } text ? text[..Math.Min(text.Length, MaxErrorMessageLength)] : "no readable error";
        var outcomeUnknown = status >= 500 || earlierAttemptMayHaveActed;
        LogErrorAnswered(_logger, outcomeUnknown ? LogLevel.Warning : LogLevel.Information, operation, status, code, elapsedMs);
        return new WeChatPayException($"WeChat Pay refused {operation}: HTTP {status} {code} ({message}).", code, status, outcomeUnknown);
    }

    private WeChatPayAnswerRefusedException Refused(string operation, WeChatPayRefusal refusal, int status)
    {
        LogAnswerRefused(_logger, operation, status, refusal);
        return new WeChatPayAnswerRefusedException(operation, refusal, status);
    }

    private static bool EarlierAttemptMayHaveActed(HttpRequestMessage request) =>
        request.Options.TryGetValue(WeChatPayResilience.EarlierAttemptMayHaveActed, out var mayHaveActed) && mayHaveActed;

    private static bool IsNotFound(WeChatPayException exception) => exception.HttpStatus == 404 && NotFoundCodes.Contains(exception.Code);

    private long ElapsedMs(long started) => (long)_clock.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeChat Pay answered {Operation} with HTTP {Status} in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string operation, int status, long elapsedMs);

    [LoggerMessage(Message = "WeChat Pay refused {Operation} with HTTP {Status} {Code} in {ElapsedMs} ms")]
    private static partial void LogErrorAnswered(ILogger logger, LogLevel level, string operation, int status, string code, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay's answer to {Operation} (HTTP {Status}) was refused: {Refusal}")]
    private static partial void LogAnswerRefused(ILogger logger, string operation, int status, WeChatPayRefusal refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay did not answer {Operation} within the timeout ({ElapsedMs} ms)")]
    private static partial void LogTimeout(ILogger logger, string operation, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay could not be reached for {Operation} ({Error}) after {ElapsedMs} ms")]
    private static partial void LogUnreachable(ILogger logger, string operation, HttpRequestError error, long elapsedMs);
}
