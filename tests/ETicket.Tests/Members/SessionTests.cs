using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ETicket.Tests.Members;

public sealed class SessionTests
{
    private const string Refresh = """
        mutation($token: String!) {
          refreshSession(input: { refreshToken: $token }) {
            session { accessToken refreshToken expiresAt member { id } }
            errors { code field message }
          }
        }
        """;

    private const string SignIn = """
        mutation { signInForDevelopment(input: { phoneNumber: "13800000001" }) { session { accessToken refreshToken member { id } } } }
        """;

    [Fact]
    public async Task An_access_token_stops_working_when_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await PlatformServer.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var member = await server.SignInAsync("13800000001");

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.NotNull((await server.PostAsync("{ me { id } }", accessToken: member.AccessToken)).Ok()["me"]);

        clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await server.PostAsync("{ me { id } }", accessToken: member.AccessToken);
        Assert.Equal(401, expired.Status);
        Assert.Equal("UNAUTHENTICATED", expired.FirstErrorCode);
        Assert.Contains("expired", expired.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forged_tokens_are_refused_even_for_anonymous_operations()
    {
        await using var server = await PlatformServer.StartAsync();
        var member = await server.SignInAsync("13800000001");

        foreach (var forged in new[] { Tokens.SignedWithForeignKey(member.Id), Tokens.Unsigned(member.Id), Tokens.WithEditedPayload(member.AccessToken) })
        {
            var response = await server.PostAsync("{ listings { totalCount } }", accessToken: forged);
            Assert.Equal(401, response.Status);
            Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        }
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_refresh_token_rotates_and_works_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var first = (await server.PostAsync(SignIn)).Ok()["signInForDevelopment"]!["session"]!;

        var second = (await server.PostAsync(Refresh, new { token = first["refreshToken"]!.GetValue<string>() })).Ok()["refreshSession"]!;
        Assert.Empty(second["errors"]!.AsArray());
        var session = second["session"]!;
        Assert.Equal(first["member"]!["id"]!.GetValue<string>(), session["member"]!["id"]!.GetValue<string>());
        Assert.NotEqual(first["refreshToken"]!.GetValue<string>(), session["refreshToken"]!.GetValue<string>());
        Assert.NotNull((await server.PostAsync("{ me { id } }", accessToken: session["accessToken"]!.GetValue<string>())).Ok()["me"]);

        var third = (await server.PostAsync(Refresh, new { token = session["refreshToken"]!.GetValue<string>() })).Ok()["refreshSession"]!;
        Assert.Empty(third["errors"]!.AsArray());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Reusing_a_rotated_refresh_token_ends_every_session_of_that_sign_in(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var stolen = (await server.PostAsync(SignIn)).Ok()["signInForDevelopment"]!["session"]!["refreshToken"]!.GetValue<string>();
        var otherDevice = (await server.PostAsync(SignIn)).Ok()["signInForDevelopment"]!["session"]!["refreshToken"]!.GetValue<string>();
        var legitimate = (await server.PostAsync(Refresh, new { token = stolen })).Ok()["refreshSession"]!["session"]!["refreshToken"]!.GetValue<string>();

        var replay = (await server.PostAsync(Refresh, new { token = stolen })).Ok()["refreshSession"]!;
        Assert.Null(replay["session"]);
        Assert.Equal("INVALID_REFRESH_TOKEN", replay["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("refreshToken", replay["errors"]![0]!["field"]!.GetValue<string>());

        // The thief's replay revoked the family: the legitimate holder's newest token is dead too.
        var afterTheft = (await server.PostAsync(Refresh, new { token = legitimate })).Ok()["refreshSession"]!;
        Assert.Equal("INVALID_REFRESH_TOKEN", afterTheft["errors"]![0]!["code"]!.GetValue<string>());
        // Another sign-in is another family, untouched.
        Assert.Empty((await server.PostAsync(Refresh, new { token = otherDevice })).Ok()["refreshSession"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_leave_at_most_one_session()
    {
        await using var server = await PlatformServer.StartAsync();
        var token = (await server.PostAsync(SignIn)).Ok()["signInForDevelopment"]!["session"]!["refreshToken"]!.GetValue<string>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.PostAsync(Refresh, new { token })));

        var sessions = results.Select(r => r.Ok()["refreshSession"]!["session"]).Where(s => s is not null).ToList();
        Assert.True(sessions.Count <= 1, $"{sessions.Count} sessions came out of one refresh token.");
        foreach (var session in sessions)
        {
            // A race is a reuse: even the winner's new token was revoked with the family.
            var next = (await server.PostAsync(Refresh, new { token = session!["refreshToken"]!.GetValue<string>() })).Ok()["refreshSession"]!;
            Assert.Equal("INVALID_REFRESH_TOKEN", next["errors"]![0]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Expired_and_unknown_refresh_tokens_are_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await PlatformServer.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var token = (await server.PostAsync(SignIn)).Ok()["signInForDevelopment"]!["session"]!["refreshToken"]!.GetValue<string>();

        var unknown = (await server.PostAsync(Refresh, new { token = "not-a-token" })).Ok()["refreshSession"]!;
        Assert.Equal("INVALID_REFRESH_TOKEN", unknown["errors"]![0]!["code"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var expired = (await server.PostAsync(Refresh, new { token })).Ok()["refreshSession"]!;
        Assert.Equal("INVALID_REFRESH_TOKEN", expired["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("expired", expired["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_lifetimes_are_configurable()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Auth:AccessTokenLifetime"] = "00:02:00" });
        var session = (await server.PostAsync("mutation { signInForDevelopment(input: { phoneNumber: \"13800000002\" }) { session { expiresAt } } }"))
            .Ok()["signInForDevelopment"]!["session"]!;
        var lifetime = DateTimeOffset.Parse(session["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow;
        Assert.InRange(lifetime, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
    }
}
