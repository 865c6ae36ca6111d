using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>
/// WeChat Pay's API v3 on a free loopback port in the test process, in public-key mode: it checks every request's
/// signature (401 SIGN_ERROR otherwise), keeps payments, refunds and transfers as WeChat Pay would, signs every
/// answer with WeChat Pay's key, and seals and sends notifications. Tests script faults, move state (pay, settle,
/// confirm) and read what it was asked.
/// </summary>
public sealed partial class FakeWeChatPayServer : IAsyncDisposable
{
    public const string AppId = "wx3b9f0c2d7e4a1856";
    public const string MchId = "1900009191";
    public const string MerchantSerial = "3775B6A45ACD588826D15E583A95F5DD4C8E5B1C";
    public const string PublicKeyId = "PUB_KEY_ID_0119000091912025061800210400000008";

    /// <summary>A key id that is not the configured one, for answers and notifications signed under another key.</summary>
    public const string OtherPublicKeyId = "PUB_KEY_ID_0119000091912024010100000000000001";

    public const string SettingsSection = "ETicket:Payments:WeChatPay";

    private const string SignatureScheme = "WECHATPAY2-SHA256-RSA2048";
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions Utf8Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly HttpClient Notifier = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWeChatPayFault> _faults = new();
    private readonly ConcurrentQueue<FakeWeChatPayRequest> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _nonces = new();

    private FakeWeChatPayServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        var gate = new Lock();
        Transactions = new FakeTransactions(clock, gate);
        Refunds = new FakeRefunds(Transactions, clock, gate);
        Transfers = new FakeTransfers(clock, gate);
        Map("POST", "/v3/pay/transactions/jsapi", call => Transactions.Create(call.Body!));
        Map("GET", "/v3/pay/transactions/out-trade-no/{outTradeNo}", call => Transactions.Query(call.Route("outTradeNo"), call.Query("mchid")));
        Map("POST", "/v3/pay/transactions/out-trade-no/{outTradeNo}/close", call => Transactions.Close(call.Route("outTradeNo"), call.Body!));
        Map("POST", "/v3/refund/domestic/refunds", call => Refunds.Create(call.Body!));
        Map("GET", "/v3/refund/domestic/refunds/{outRefundNo}", call => Refunds.Query(call.Route("outRefundNo")));
        Map("POST", "/v3/fund-app/mch-transfer/transfer-bills", call => Transfers.Create(call.Body!));
        Map("GET", "/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/{outBillNo}", call => Transfers.Query(call.Route("outBillNo")));
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The fake's clock: it checks request timestamps and signs answers with it.</summary>
    public TimeProvider Clock { get; }

    public FakeTransactions Transactions { get; }

    public FakeRefunds Refunds { get; }

    public FakeTransfers Transfers { get; }

    /// <summary>What the platform asked, in order.</summary>
    public IReadOnlyList<FakeWeChatPayRequest> Requests => [.. _requests];

    /// <summary>Platform settings that point at this server, with the run's keys; NotifyUrl goes nowhere unless a test replaces it.</summary>
    public IReadOnlyDictionary<string, string?> Settings => SettingsFor(BaseUrl);

    /// <summary>The settings for a fake at <paramref name="baseUrl"/>, for tests of the settings themselves.</summary>
    public static Dictionary<string, string?> SettingsFor(Uri baseUrl) => new()
    {
        [$"{SettingsSection}:BaseUrl"] = baseUrl.ToString(),
        [$"{SettingsSection}:AppId"] = AppId,
        [$"{SettingsSection}:MchId"] = MchId,
        [$"{SettingsSection}:MerchantCertificateSerial"] = MerchantSerial,
        [$"{SettingsSection}:PrivateKey"] = FakeWeChatPayKeys.MerchantPrivateKeyPem,
        [$"{SettingsSection}:ApiV3Key"] = FakeWeChatPayKeys.ApiV3Key,
        [$"{SettingsSection}:PlatformPublicKey"] = FakeWeChatPayKeys.PlatformPublicKeyPem,
        [$"{SettingsSection}:PlatformPublicKeyId"] = PublicKeyId,
        [$"{SettingsSection}:NotifyUrl"] = "http://127.0.0.1:9/wechatpay/notify",
        [$"{SettingsSection}:TransferSceneId"] = "1005",
        [$"{SettingsSection}:TransferUserRecvPerception"] = "劳务报酬",
        [$"{SettingsSection}:TransferSceneReportInfos:0:InfoType"] = "岗位类型",
        [$"{SettingsSection}:TransferSceneReportInfos:0:InfoContent"] = "票务转售卖家",
        [$"{SettingsSection}:TransferSceneReportInfos:1:InfoType"] = "报酬说明",
        [$"{SettingsSection}:TransferSceneReportInfos:1:InfoContent"] = "门票转售货款",
    };

    /// <param name="clock">The clock the platform under test uses, when a test moves time.</param>
    public static async Task<FakeWeChatPayServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // A slow answer the platform gave up on must not hold up the test's end.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var server = new FakeWeChatPayServer(builder.Build(), clock ?? TimeProvider.System);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>The next requests meet these faults, one each, in order; later ones are handled normally.</summary>
    public void Script(params FakeWeChatPayFault[] faults)
    {
        foreach (var fault in faults)
            _faults.Enqueue(fault);
    }

    public FakeNotification TransactionNotification(string outTradeNo)
    {
        var transaction = Transactions[outTradeNo] ?? throw new InvalidOperationException($"No payment {outTradeNo} was placed.");
        return new FakeNotification("TRANSACTION.SUCCESS", "transaction", FakeTransactions.Resource(transaction), new Uri(transaction.NotifyUrl));
    }

    /// <summary>REFUND.SUCCESS, REFUND.CLOSED or REFUND.ABNORMAL, as the refund stands.</summary>
    public FakeNotification RefundNotification(string outRefundNo)
    {
        var refund = Refunds[outRefundNo] ?? throw new InvalidOperationException($"No refund {outRefundNo} was made.");
        return new FakeNotification($"REFUND.{refund.Status}", "refund", FakeRefunds.Resource(refund), new Uri(refund.NotifyUrl));
    }

    public FakeNotification TransferNotification(string outBillNo)
    {
        var transfer = Transfers[outBillNo] ?? throw new InvalidOperationException($"No transfer {outBillNo} was asked for.");
        return new FakeNotification("MCHTRANSFER.BILL.FINISHED", "mch_payment", FakeTransfers.Resource(transfer, forNotification: true), new Uri(transfer.NotifyUrl));
    }

    /// <summary>The body and headers WeChat Pay would post: the resource encrypted with the APIv3 key, the whole signed.</summary>
    public FakeSealedNotification Seal(FakeNotification notification)
    {
        var now = Clock.GetUtcNow();
        var nonce = Alphanumerics(12);
        var envelope = new JsonObject
        {
            ["id"] = notification.Id,
            ["create_time"] = Time(now),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = notification.EventType,
            ["summary"] = notification.EventType.StartsWith("TRANSACTION", StringComparison.Ordinal) ? "支付成功" : "通知",
            ["resource"] = new JsonObject
            {
                ["original_type"] = notification.OriginalType,
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = FakeWeChatPayKeys.EncryptResource(notification.Resource.ToJsonString(Utf8Json), nonce, notification.OriginalType,
                    notification.TamperedCiphertext),
                ["associated_data"] = notification.OriginalType,
                ["nonce"] = nonce,
            },
        };
        var body = envelope.ToJsonString(Utf8Json);
        var headers = SignatureHeaders(body, now - notification.SignedAgo, notification.Forged, notification.Serial ?? PublicKeyId);
        headers["Content-Type"] = "application/json";
        return new FakeSealedNotification(Encoding.UTF8.GetBytes(body), headers);
    }

    /// <summary>Any body, signed by WeChat Pay's key as a notification is: for bodies WeChat Pay would never build.</summary>
    public FakeSealedNotification SignRaw(string body) => new(Encoding.UTF8.GetBytes(body), SignatureHeaders(body, Clock.GetUtcNow(), forged: false, PublicKeyId));

    /// <summary>Posts the notification as WeChat Pay would, and returns the HTTP status the platform answered.</summary>
    public async Task<int> NotifyAsync(FakeNotification notification, Uri? to = null)
    {
        var (body, headers) = Seal(notification);
        using var request = new HttpRequestMessage(HttpMethod.Post, to ?? notification.NotifyUrl) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name == "Content-Type")
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.UserAgent.ParseAdd("Mozilla/4.0");
        using var response = await Notifier.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(string method, string pattern, Func<FakeCall, FakeAnswer> handle) =>
        _app.MapMethods(pattern, [method], (HttpContext http) => AnswerAsync(http, handle));

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
        if (fault.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up; WeChat Pay carries the request out all the same.
            }
        }
        var answer = problem is not null ? FakeAnswer.Error(401, "SIGN_ERROR", "签名错误，请检查后再试")
            : fault.Instead
            ?? (http.Request.Method == "POST" && body is null ? FakeAnswer.ParamError("请求体不是JSON对象") : handle(new FakeCall(http, body)));
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
