using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        var server = new FakeWeChatPayServer(LoopbackApp.Create(), clock ?? TimeProvider.System);
        server.BaseUrl = await LoopbackApp.StartAsync(server._app);
        return server;
    }

    /// <summary>The next requests meet these faults, one each, in order; later ones are handled normally.</summary>
    public void Script(params FakeWeChatPayFault[] faults)
    {
        foreach (var fault in faults)
            _faults.Enqueue(fault);
    }

    private void Map(string method, string pattern, Func<FakeCall, FakeAnswer> handle) =>
        _app.MapMethods(pattern, [method], (HttpContext http) => AnswerAsync(http, handle));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
