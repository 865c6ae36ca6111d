using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ETicket.Domain.Members;
using ETicket.Domain.Members.WeChat;
using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Members;

public sealed class WeChatSignInTests
{
    private const string SignInMutation = """
        mutation($input: SignInWithWeChatInput!) {
          signInWithWeChat(input: $input) {
            session { accessToken refreshToken member { id nickname avatarUrl roles } }
            errors { code message field }
          }
        }
        """;

    private const string Code = "0c3Qkq000Z2Mvs1Xq0200Hf4Ga1Qkq0B";
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private const string UnionId = "oGZUI0egBJY1zhBYw2KhdUfwVJJE";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_first_sign_in_creates_the_member_and_its_token_works(DatabaseKind kind)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, weChat.Settings);
        weChat.Script(FakeWeChatReply.Session(OpenId, UnionId));

        var payload = await SignInAsync(server, new { code = Code, nickname = " 小红 ", avatarUrl = "https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwG/132" });

        Assert.Empty(payload["errors"]!.AsArray());
        var session = payload["session"]!;
        var me = (await server.PostAsync("{ me { id nickname avatarUrl roles } }", accessToken: session["accessToken"]!.GetValue<string>())).Ok()["me"]!;
        Assert.Equal(session["member"]!["id"]!.GetValue<string>(), me["id"]!.GetValue<string>());
        Assert.Equal("小红", me["nickname"]!.GetValue<string>());
        Assert.Equal("https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwG/132", me["avatarUrl"]!.GetValue<string>());
        Assert.Equal(["MEMBER"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(new JsCode2SessionRequest(FakeWeChatServer.AppId, FakeWeChatServer.AppSecret, Code, "authorization_code"), Assert.Single(weChat.Requests));
        var stored = await StoredMemberAsync(server, me["id"]!.GetValue<string>());
        Assert.Equal((OpenId, UnionId), (stored.OpenId, stored.UnionId));
    }

    [Fact]
    public async Task Without_a_nickname_or_avatar_the_new_member_gets_WeChat_defaults()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(FakeWeChatReply.Session(OpenId));

        var member = (await SignInOkAsync(server, new { code = Code, nickname = "  ", avatarUrl = "" }))["member"]!;

        Assert.Equal(Member.WeChatDefaultNickname, member["nickname"]!.GetValue<string>());
        Assert.Null(member["avatarUrl"]);
    }

    [Fact]
    public async Task Signing_in_again_finds_the_same_member_keeps_its_profile_and_gains_the_unionid()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(FakeWeChatReply.Session(OpenId), FakeWeChatReply.Session(OpenId, UnionId), FakeWeChatReply.Session(OpenId));

        var id = (await SignInOkAsync(server, new { code = "code-1", nickname = "小红" }))["member"]!["id"]!.GetValue<string>();
        var unionIdAtFirst = (await StoredMemberAsync(server, id)).UnionId;
        var withUnionId = (await SignInOkAsync(server, new { code = "code-2", nickname = "别的名字" }))["member"]!;
        var unionIdAtSecond = (await StoredMemberAsync(server, id)).UnionId;
        var withoutUnionId = (await SignInOkAsync(server, new { code = "code-3" }))["member"]!;
        var unionIdAtThird = (await StoredMemberAsync(server, id)).UnionId;

        Assert.Equal([id, id], new[] { withUnionId, withoutUnionId }.Select(m => m["id"]!.GetValue<string>()));
        Assert.Equal(["小红", "小红"], new[] { withUnionId, withoutUnionId }.Select(m => m["nickname"]!.GetValue<string>()));
        Assert.Equal([null, UnionId, UnionId], new[] { unionIdAtFirst, unionIdAtSecond, unionIdAtThird });
        Assert.Equal(["code-1", "code-2", "code-3"], weChat.Requests.Select(r => r.JsCode));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Simultaneous_first_sign_ins_of_one_WeChat_user_make_one_member(DatabaseKind kind)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, weChat.Settings);
        const int signIns = 4;
        weChat.Script([.. Enumerable.Repeat(FakeWeChatReply.Session(OpenId), signIns)]);

        var sessions = await Task.WhenAll(Enumerable.Range(0, signIns).Select(i => SignInOkAsync(server, new { code = $"code-{i}" })));

        Assert.Single(sessions.Select(s => s["member"]!["id"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public async Task A_WeChat_user_named_as_admin_gets_the_ADMIN_role()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>(weChat.Settings) { ["ETicket:Members:Admins:0"] = OpenId });
        weChat.Script(FakeWeChatReply.Session(OpenId), FakeWeChatReply.Session("oUpF8uNotAnAdminXXXXXXXXXXXX"));

        var admin = (await SignInOkAsync(server, new { code = "code-1" }))["member"]!;
        var other = (await SignInOkAsync(server, new { code = "code-2" }))["member"]!;

        Assert.Equal(["MEMBER", "ADMIN"], admin["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["MEMBER"], other["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    public static TheoryData<string, string?, string?, string> InvalidInputs => new()
    {
        { "", null, null, "code" },
        { "   ", null, null, "code" },
        { new string('x', WeChatSignIn.CodeMaxLength + 1), null, null, "code" },
        { Code, new string('字', Member.NicknameMaxLength + 1), null, "nickname" },
        { Code, null, "ftp://thirdwx.qlogo.cn/a.png", "avatarUrl" },
        { Code, null, "not an address", "avatarUrl" },
    };

    [Theory, MemberData(nameof(InvalidInputs))]
    public async Task Invalid_input_is_a_validation_error_naming_the_field_and_WeChat_is_not_asked(string code, string? nickname, string? avatarUrl, string field)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);

        var error = SingleError(await SignInAsync(server, new { code, nickname, avatarUrl }));

        Assert.Equal("VALIDATION_FAILED", error["code"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Empty(weChat.Requests);
    }

    [Theory]
    [InlineData(40029, "invalid code", "wx.login()", 1)]
    [InlineData(45011, "api minute-quota reach limit  mustslower  retry next minute", "wait a minute", 1)]
    [InlineData(40226, "high risk user", "risky", 1)]
    [InlineData(-1, "system error", "busy", 2)]
    [InlineData(40125, "invalid appsecret", "errcode 40125", 1)]
    public async Task A_WeChat_error_answer_is_WECHAT_SIGN_IN_FAILED_saying_why(int errCode, string errMsg, string explanation, int attempts)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(FakeWeChatReply.Error(errCode, errMsg), FakeWeChatReply.Error(errCode, errMsg));

        var error = SingleError(await SignInAsync(server, new { code = Code }));

        AssertWeChatFailure(error, explanation);
        Assert.Equal(attempts, weChat.Requests.Count);
    }

    [Fact]
    public async Task Busy_or_failing_once_is_retried_with_the_same_code()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(FakeWeChatReply.Error(-1, "system error"), FakeWeChatReply.Session(OpenId));
        weChat.Script(new FakeWeChatReply(503, "Service Unavailable"), FakeWeChatReply.Session(OpenId));

        var afterBusy = (await SignInOkAsync(server, new { code = "code-1" }))["member"]!;
        var afterFailure = (await SignInOkAsync(server, new { code = "code-2" }))["member"]!;

        Assert.Equal(afterBusy["id"]!.GetValue<string>(), afterFailure["id"]!.GetValue<string>());
        Assert.Equal(["code-1", "code-1", "code-2", "code-2"], weChat.Requests.Select(r => r.JsCode));
    }

    [Fact]
    public async Task An_HTTP_error_twice_is_WECHAT_SIGN_IN_FAILED()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(new FakeWeChatReply(500, "Internal Server Error"), new FakeWeChatReply(500, "Internal Server Error"));

        AssertWeChatFailure(SingleError(await SignInAsync(server, new { code = Code })), "HTTP 500");
        Assert.Equal(2, weChat.Requests.Count);
    }

    [Fact]
    public async Task A_WeChat_that_answers_too_late_is_WECHAT_SIGN_IN_FAILED_without_a_retry()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>(weChat.Settings) { ["ETicket:WeChat:Timeout"] = "00:00:00.5" });
        var slow = FakeWeChatReply.Session(OpenId) with { Delay = TimeSpan.FromSeconds(30) };
        weChat.Script(slow, slow);

        AssertWeChatFailure(SingleError(await SignInAsync(server, new { code = Code })), "in time");
        Assert.Single(weChat.Requests);
    }

    [Fact]
    public async Task A_WeChat_that_cannot_be_reached_is_WECHAT_SIGN_IN_FAILED()
    {
        var weChat = await FakeWeChatServer.StartAsync();
        var settings = weChat.Settings;
        await weChat.DisposeAsync();
        await using var server = await PlatformServer.StartAsync(settings);

        AssertWeChatFailure(SingleError(await SignInAsync(server, new { code = Code })), "could not be reached");
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"errcode":"busy"}""")]
    [InlineData("""{"session_key":"tiihtNczf5v6AKRyjwEUhQ==","errcode":0,"errmsg":"ok"}""")]
    [InlineData("""{"openid":"","session_key":"tiihtNczf5v6AKRyjwEUhQ=="}""")]
    public async Task A_reply_without_an_openid_is_WECHAT_SIGN_IN_FAILED(string body)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings);
        weChat.Script(new FakeWeChatReply(200, body));

        AssertWeChatFailure(SingleError(await SignInAsync(server, new { code = Code })), "could not be read");
        Assert.Single(weChat.Requests);
    }

    [Fact]
    public async Task The_session_key_app_secret_and_code_never_reach_the_response_or_the_logs()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(weChat.Settings, configureServices: CaptureAllLogs);
        weChat.Script(
            FakeWeChatReply.Session(OpenId, UnionId),
            new FakeWeChatReply(200, $$"""{"session_key":"{{FakeWeChatReply.SessionKey}}"}"""),
            FakeWeChatReply.Error(-1, "system error"), FakeWeChatReply.Session(OpenId));
        var codes = new[] { "code-ok-5b7f1e", "code-no-openid-8d2c4a", "code-busy-3e9a6f" };

        var bodies = new List<string>();
        foreach (var code in codes)
        {
            using var response = await server.Http.PostAsJsonAsync("/graphql", new { query = SignInMutation, variables = new { input = new { code } } },
                TestContext.Current.CancellationToken);
            bodies.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        var logs = server.Services.GetFakeLogCollector().GetSnapshot();
        var logText = string.Join("\n", logs.Select(record =>
            $"{record.Category} {record.Message} {record.Exception} {string.Join(" ", record.StructuredState?.Select(s => s.Value) ?? [])}"));

        // The HTTP client factory's request logging (which would write the URL) is off for this client.
        Assert.DoesNotContain(logs, record => record.Category?.StartsWith("System.Net.Http.HttpClient.JsCode2SessionClient", StringComparison.Ordinal) == true);
        Assert.Contains(logs, record => record.Category == typeof(JsCode2SessionClient).FullName && record.Message.Contains("other than JSON with an openid", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Contains("accessToken", StringComparison.Ordinal));
        foreach (var secret in codes.Append(FakeWeChatReply.SessionKey).Append(FakeWeChatServer.AppSecret))
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.All(bodies, body => Assert.DoesNotContain(secret, body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Without_credentials_the_platform_starts_warns_once_and_answers_WECHAT_SIGN_IN_FAILED()
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var server = await PlatformServer.StartAsync(
            new Dictionary<string, string?> { ["ETicket:WeChat:BaseUrl"] = weChat.BaseUrl.ToString() }, configureServices: CaptureAllLogs);

        var error = SingleError(await SignInAsync(server, new { code = Code }));

        AssertWeChatFailure(error, "no WeChat credentials");
        Assert.Empty(weChat.Requests);
        var warning = Assert.Single(server.Services.GetFakeLogCollector().GetSnapshot(), record => record.Message.Contains("ETicket:WeChat:AppSecret"));
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    private static void CaptureAllLogs(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddFakeLogging().AddFilter<FakeLoggerProvider>(null, LogLevel.Trace));

    private static async Task<JsonNode> SignInAsync(PlatformServer server, object input) =>
        (await server.PostAsync(SignInMutation, new { input })).Ok()["signInWithWeChat"]!;

    private static async Task<JsonNode> SignInOkAsync(PlatformServer server, object input)
    {
        var payload = await SignInAsync(server, input);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["session"]!;
    }

    private static JsonNode SingleError(JsonNode payload)
    {
        Assert.Null(payload["session"]);
        return Assert.Single(payload["errors"]!.AsArray())!;
    }

    private static void AssertWeChatFailure(JsonNode error, string explanation)
    {
        Assert.Equal("WECHAT_SIGN_IN_FAILED", error["code"]!.GetValue<string>());
        Assert.Contains(explanation, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(error["field"]);
    }

    private static async Task<Member> StoredMemberAsync(PlatformServer server, string id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Members.AsNoTracking()
            .SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
    }
}
