using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// WeChat's jscode2session on a free loopback port in the test process: it answers with the replies
/// a test scripts, in order, and remembers what it was asked.
/// </summary>
public sealed class FakeWeChatServer : IAsyncDisposable
{
    public const string AppId = "wx5f2c8e1a9b3d7c60";
    public const string AppSecret = "fake-app-secret-4b1e9d";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWeChatReply> _replies = new();
    private readonly ConcurrentQueue<JsCode2SessionRequest> _requests = new();

    private FakeWeChatServer(WebApplication app)
    {
        _app = app;
        app.MapGet("/sns/jscode2session", AnswerAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the platform asked, in order.</summary>
    public IReadOnlyList<JsCode2SessionRequest> Requests => [.. _requests];

    /// <summary>Platform settings that point at this server, with its credentials.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ETicket:WeChat:BaseUrl"] = BaseUrl.ToString(),
        ["ETicket:WeChat:AppId"] = AppId,
        ["ETicket:WeChat:AppSecret"] = AppSecret,
    };

    public static async Task<FakeWeChatServer> StartAsync()
    {
        var server = new FakeWeChatServer(LoopbackApp.Create());
        server.BaseUrl = await LoopbackApp.StartAsync(server._app);
        return server;
    }

    /// <summary>The next requests get these replies, in order; a request with none left gets HTTP 501.</summary>
    public void Script(params FakeWeChatReply[] replies)
    {
        foreach (var reply in replies)
            _replies.Enqueue(reply);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var query = http.Request.Query;
        _requests.Enqueue(new JsCode2SessionRequest(query["appid"], query["secret"], query["js_code"], query["grant_type"]));
        var reply = _replies.TryDequeue(out var next) ? next : FakeWeChatReply.Unscripted;
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, http.RequestAborted);
        http.Response.StatusCode = reply.Status;
        // Like WeChat: JSON, labelled as plain text.
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(reply.Body, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record JsCode2SessionRequest(string? AppId, string? Secret, string? JsCode, string? GrantType);

public sealed record FakeWeChatReply(int Status, string Body, TimeSpan Delay = default)
{
    /// <summary>The session key every successful reply carries; the platform must never show or log it.</summary>
    public const string SessionKey = "tiihtNczf5v6AKRyjwEUhQ==";

    public static FakeWeChatReply Unscripted { get; } = new(501, "FakeWeChatServer: no reply scripted for this request");

    public static FakeWeChatReply Session(string openId, string? unionId = null)
    {
        var body = new JsonObject { ["session_key"] = SessionKey, ["openid"] = openId };
        if (unionId is not null)
            body["unionid"] = unionId;
        return new(200, body.ToJsonString());
    }

    public static FakeWeChatReply Error(int errCode, string errMsg) =>
        new(200, new JsonObject { ["errcode"] = errCode, ["errmsg"] = errMsg + ", rid: 6650e3b1-1f2a3b4c-5d6e7f80" }.ToJsonString());
}
