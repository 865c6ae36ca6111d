using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

// How the fake takes a request: recorded, its signature checked, a scripted fault applied, then answered and signed.
public sealed partial class FakeWeChatPayServer
{
    private async Task AnswerAsync(HttpContext http, Func<FakeCall, FakeAnswer> handle)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bodyText = Encoding.UTF8.GetString(buffer.ToArray());
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var authorization = http.Request.Headers.Authorization.ToString();
        var parameters = AuthorizationParameter().Matches(authorization).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        var problem = SignatureProblem(http.Request.Method, target, bodyText, authorization, parameters);
        var body = ParseObject(bodyText);
        _requests.Enqueue(new FakeWeChatPayRequest(http.Request.Method, target, body, parameters, Header(http, "Wechatpay-Serial"),
            Header(http, "Accept"), Header(http, "User-Agent"), problem));

        var fault = _faults.TryDequeue(out var next) ? next : new FakeWeChatPayFault();
        var answer = problem is not null ? FakeAnswer.Error(401, "SIGN_ERROR", "签名错误，请检查后再试")
            : fault.Instead
            ?? (http.Request.Method == "POST" && body is null ? FakeAnswer.ParamError("请求体不是JSON对象") : handle(new FakeCall(http, body)));
        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up waiting; the request was carried out all the same.
            }
        }
        await WriteSignedAsync(http, answer, problem is null ? fault.Signing : FakeAnswerSigning.Genuine);
    }

    private string? SignatureProblem(string method, string target, string body, string authorization, Dictionary<string, string> parameters)
    {
        if (!authorization.StartsWith(SignatureScheme + " ", StringComparison.Ordinal))
            return "Authorization is not WECHATPAY2-SHA256-RSA2048";
        foreach (var name in new[] { "mchid", "nonce_str", "signature", "timestamp", "serial_no" })
        {
            if (!parameters.ContainsKey(name))
                return $"Authorization has no {name}";
        }
        if (parameters["mchid"] != MchId)
            return "mchid is not the merchant's";
        if (parameters["serial_no"] != MerchantSerial)
            return "serial_no is not the merchant certificate's";
        if (!long.TryParse(parameters["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxClockSkew)
            return "timestamp is more than five minutes off";
        if (!_nonces.TryAdd(parameters["nonce_str"], true))
            return "nonce_str was used before";
        var message = $"{method}\n{target}\n{parameters["timestamp"]}\n{parameters["nonce_str"]}\n{body}\n";
        return FakeWeChatPayKeys.IsMerchantSignature(message, parameters["signature"]) ? null : "signature does not verify with the merchant's key";
    }

    private async Task WriteSignedAsync(HttpContext http, FakeAnswer answer, FakeAnswerSigning signing)
    {
        var body = answer.Body?.ToJsonString(Utf8Json) ?? "";
        var now = Clock.GetUtcNow();
        // Tampered: signed over one byte more than is sent (the same JSON, or an empty 204).
        var signedBody = signing == FakeAnswerSigning.Tampered ? body + " " : body;
        var headers = SignatureHeaders(signedBody, signing == FakeAnswerSigning.Stale ? now - StaleAge : now, signing == FakeAnswerSigning.Forged,
            signing == FakeAnswerSigning.WrongSerial ? OtherPublicKeyId : PublicKeyId);
        if (signing != FakeAnswerSigning.Unsigned)
        {
            foreach (var (name, value) in headers)
                http.Response.Headers[name] = value;
        }
        http.Response.Headers["Request-ID"] = Guid.NewGuid().ToString("N");
        http.Response.StatusCode = answer.Status;
        if (answer.Body is null)
            return;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    private Dictionary<string, string> SignatureHeaders(string body, DateTimeOffset signedAt, bool forged, string serial)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Alphanumerics(32);
        var message = Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n");
        return new Dictionary<string, string>
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = forged ? FakeWeChatPayKeys.SignAsStranger(message) : FakeWeChatPayKeys.SignAsPlatform(message),
            ["Wechatpay-Serial"] = serial,
            ["Wechatpay-Signature-Type"] = SignatureScheme,
        };
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpContext http, string name) => http.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    [GeneratedRegex(@"(\w+)=""([^""]*)""")]
    private static partial Regex AuthorizationParameter();

    private sealed record FakeCall(HttpContext Http, JsonObject? Body)
    {
        public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

        public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
    }
}
