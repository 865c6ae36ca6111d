using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Members;

public sealed class DevelopmentSignInTests
{
    private const string Me = "{ me { id nickname phoneNumber roles membershipLevel creditPoints blacklisted gender joinedAt } }";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_session_token_authenticates_later_requests(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);

        var member = await server.SignInAsync("13812345678", "小明");
        var me = (await server.PostAsync(Me, accessToken: member.AccessToken)).Ok()["me"]!;

        Assert.Equal(member.Id, me["id"]!.GetValue<string>());
        Assert.Equal("小明", me["nickname"]!.GetValue<string>());
        Assert.Equal("13812345678", me["phoneNumber"]!.GetValue<string>());
        Assert.Equal(["MEMBER"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("NORMAL", me["membershipLevel"]!.GetValue<string>());
        Assert.Equal(0, me["creditPoints"]!.GetValue<int>());
        Assert.False(me["blacklisted"]!.GetValue<bool>());
        Assert.Equal("UNKNOWN", me["gender"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$", me["joinedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_me_is_null_and_signing_in_again_finds_the_same_member()
    {
        await using var server = await PlatformServer.StartAsync();
        Assert.Null((await server.PostAsync("{ me { id } }")).Ok()["me"]);

        var first = await server.SignInAsync("13812345678");
        var again = await server.SignInAsync("13812345678");
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public async Task Others_see_a_masked_phone_number_and_admins_the_full_one()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = "13900000000" });
        var member = await server.SignInAsync("13812345678");
        var other = await server.SignInAsync("13700000000");
        var admin = await server.SignInAsync("13900000000");
        const string query = "query($id: ID!) { member(id: $id) { phoneNumber roles } }";

        var asOther = (await server.PostAsync(query, new { id = member.Id }, other.AccessToken)).Ok()["member"]!;
        var asAnonymous = (await server.PostAsync(query, new { id = member.Id })).Ok()["member"]!;
        var asAdmin = (await server.PostAsync(query, new { id = member.Id }, admin.AccessToken)).Ok()["member"]!;
        var adminItself = (await server.PostAsync(query, new { id = admin.Id }, admin.AccessToken)).Ok()["member"]!;

        Assert.Equal("138****5678", asOther["phoneNumber"]!.GetValue<string>());
        Assert.Equal("138****5678", asAnonymous["phoneNumber"]!.GetValue<string>());
        Assert.Equal("13812345678", asAdmin["phoneNumber"]!.GetValue<string>());
        Assert.Equal(["MEMBER", "ADMIN"], adminItself["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_sign_in_payload_shows_the_new_member_their_own_profile()
    {
        await using var server = await PlatformServer.StartAsync();
        var session = (await server.PostAsync(
            "mutation { signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { session { expiresAt member { phoneNumber nickname } } errors { code } } }"))
            .Ok()["signInForDevelopment"]!["session"]!;

        Assert.Equal("13812345678", session["member"]!["phoneNumber"]!.GetValue<string>());
        Assert.Equal("用户5678", session["member"]!["nickname"]!.GetValue<string>());
        var expiresAt = DateTimeOffset.Parse(session["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Theory]
    [InlineData("12ab", "phoneNumber")]
    [InlineData("", "phoneNumber")]
    public async Task A_malformed_phone_number_is_a_validation_error(string phoneNumber, string field)
    {
        await using var server = await PlatformServer.StartAsync();
        var payload = (await server.PostAsync(
            "mutation($input: SignInForDevelopmentInput!) { signInForDevelopment(input: $input) { session { accessToken } errors { code field message } } }",
            new { input = new { phoneNumber } })).Ok()["signInForDevelopment"]!;

        Assert.Null(payload["session"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("VALIDATION_FAILED", error["code"]!.GetValue<string>());
        Assert.Equal(field, error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_Development_development_sign_in_is_forbidden()
    {
        await using var server = await PlatformServer.StartAsync(ProductionKeys.Settings, environment: "Production");
        var response = await server.PostAsync("mutation { signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { errors { code } } }");

        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Null(response.Data?["signInForDevelopment"]);
    }
}
