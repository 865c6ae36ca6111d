using System.Net.Http.Headers;
using System.Text;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Testing;

namespace ETicket.Tests.Hosting;

/// <summary>
/// Secrets never reach the logs, at any level, on the paths that succeed and on those that fail:
/// ticket codes, access and refresh tokens, WeChat session keys, phone numbers and the configured
/// keys. Every record of every category is captured at Trace (<see cref="ServerLogs"/>): its
/// message, its structured values, its scopes and its exception.
/// </summary>
public sealed class LogSecrecyTests
{
    private const string TicketCode = "QR-7F3A9C21-SECRET-CODE";
    private const string OtherTicketCode = "QR-0B8D44E6-OTHER-CODE";
    private const string SellerPhone = "13912345678";
    private const string BuyerPhone = "13987654321";
    private const string MalformedPhone = "1391234567x";
    private const string WeChatSessionKey = "bG9nLXNlY3JlY3ktc2Vzc2lvbi1rZXk=";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task No_secret_is_logged_on_any_path(DatabaseKind kind)
    {
        await using var weChat = await FakeWeChatServer.StartAsync();
        await using var database = await EveryDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?>(weChat.Settings)
        {
            // Every category at Trace: the console's levels do not hide a leak from this test.
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in ProductionKeys.Settings)
            settings[key] = value;
        await using var server = await PlatformServer.StartAsync(database, settings, configureServices: ServerLogs.Capture);
        var secrets = new List<string> { TicketCode, OtherTicketCode, SellerPhone, BuyerPhone, MalformedPhone, WeChatSessionKey };
        secrets.AddRange(ProductionKeys.Secrets.Values.Select(value => value!));
        secrets.AddRange(ProductionKeys.Secrets.Values.Select(value => Convert.ToHexString(Convert.FromBase64String(value!))));

        // Sign-ins: by phone (Development), by WeChat (a session key in the reply), and failing ones.
        var seller = await server.SignInAsync(SellerPhone, "保密卖家");
        var buyer = await server.SignInAsync(BuyerPhone, "保密买家");
        secrets.AddRange([seller.AccessToken, buyer.AccessToken]);
        Assert.NotEmpty((await server.PostAsync(SignInForDevelopment, new { input = new { phoneNumber = MalformedPhone } })).Ok()["signInForDevelopment"]!["errors"]!.AsArray());
        weChat.Script(
            new FakeWeChatReply(200, $$"""{"openid":"oSecretOpenId1","session_key":"{{WeChatSessionKey}}"}"""),
            // A reply without an openid can still carry the session key.
            new FakeWeChatReply(200, $$"""{"session_key":"{{WeChatSessionKey}}","errcode":0}"""),
            FakeWeChatReply.Error(40029, "invalid code"),
            new FakeWeChatReply(500, $"upstream trouble {WeChatSessionKey}"));
        var weChatSession = (await server.PostAsync(SignInWithWeChat, new { input = new { code = "code-ok" } })).Ok()["signInWithWeChat"]!["session"]!;
        var refreshToken = weChatSession["refreshToken"]!.GetValue<string>();
        secrets.AddRange([weChatSession["accessToken"]!.GetValue<string>(), refreshToken]);
        for (var i = 0; i < 3; i++)
            Assert.NotEmpty((await server.PostAsync(SignInWithWeChat, new { input = new { code = $"code-bad-{i}" } })).Ok()["signInWithWeChat"]!["errors"]!.AsArray());

        // Sessions: refreshed, refreshed again with the spent token, and tokens that are not valid.
        var refreshed = (await server.PostAsync(RefreshSession, new { input = new { refreshToken } })).Ok()["refreshSession"]!["session"]!;
        secrets.AddRange([refreshed["accessToken"]!.GetValue<string>(), refreshed["refreshToken"]!.GetValue<string>()]);
        Assert.NotEmpty((await server.PostAsync(RefreshSession, new { input = new { refreshToken } })).Ok()["refreshSession"]!["errors"]!.AsArray());
        var tampered = seller.AccessToken[..^4] + "AAAA";
        Assert.Equal(401, (await server.PostAsync("{ me { id } }", accessToken: tampered)).Status);
        var basic = $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SellerPhone}:{TicketCode}"))}";
        secrets.Add(basic);
        Assert.Equal(401, (await PostWithAuthorizationAsync(server, basic)).Status);

        // Ticket codes: published, refused as a duplicate, revealed to the paying buyer, sent in broken requests.
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: TicketCode));
        Assert.Equal("DUPLICATE_TICKET_CODE", (await server.PublishAsync(seller, ListingRequests.Concert(ticketCode: TicketCode)))["errors"]![0]!["code"]!.GetValue<string>());
        var orderId = await server.PurchasePaidAsync(buyer, listingId);
        var revealed = (await server.PostAsync("query($id: ID!) { order(id: $id) { ticketCode } }", new { id = orderId }, buyer.AccessToken)).Ok();
        Assert.Equal(TicketCode, revealed["order"]!["ticketCode"]!.GetValue<string>());
        Assert.NotNull((await server.PostAsync($$"""mutation { publishListing(input: { title: "x", ticketCode: "{{OtherTicketCode}}" }) { errors { code } } }""", accessToken: seller.AccessToken)).Errors);
        Assert.NotNull((await server.PostAsync($$"""{ listings(where: { title: { eq: "{{OtherTicketCode}}" } }) { nodes { id } }""")).Errors);
        Assert.NotEqual(200, (await PostRawAsync(server, $$"""{"query":"mutation { publishListing(input: { ticketCode: \"{{OtherTicketCode}}\" """)).Status);

        var leaks = (from record in server.Logs().GetSnapshot()
                     let text = Describe(record)
                     from secret in secrets
                     where text.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{record.Level} {record.Category}: a secret ({Hint(secret)}) in: {text}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // The capture saw the traffic: an empty log would prove nothing.
        Assert.True(server.Logs().Count > 50, $"only {server.Logs().Count} records captured");
    }

    private const string SignInForDevelopment =
        "mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken } errors { code } } }";

    private const string SignInWithWeChat =
        "mutation($input: SignInWithWeChatInput!) { signInWithWeChat(input: $input) { session { accessToken refreshToken } errors { code } } }";

    private const string RefreshSession =
        "mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { session { accessToken refreshToken } errors { code } } }";

    /// <summary>Everything a log sink could write of a record.</summary>
    private static string Describe(FakeLogRecord record)
    {
        var text = new StringBuilder(record.Message);
        foreach (var (key, value) in record.StructuredState ?? [])
            text.Append(' ').Append(key).Append('=').Append(value);
        foreach (var scope in record.Scopes)
            text.Append(" scope=").Append(scope);
        return text.Append(' ').Append(record.Exception).ToString();
    }

    /// <summary>Which secret, without repeating it in the failure message.</summary>
    private static string Hint(string secret) => $"{secret[..Math.Min(4, secret.Length)]}…, {secret.Length} characters";

    private static async Task<GraphQLResponse> PostWithAuthorizationAsync(PlatformServer server, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ me { id } }"}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await server.Http.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static async Task<GraphQLResponse> PostRawAsync(PlatformServer server, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await server.Http.PostAsync("/graphql", content);
        return await GraphQLResponse.ReadAsync(response);
    }
}
