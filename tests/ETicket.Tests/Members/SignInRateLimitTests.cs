using System.Net.Http.Json;
using ETicket.Graph.Hosting;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Members;

/// <summary>
/// Sign-in mutations are limited per client address (ETicket:Members:SignInRateLimit); the address is
/// the TCP peer unless that peer is a trusted proxy (ETicket:Network:TrustedProxies), whose
/// X-Forwarded-For then names the client. The test client connects from 127.0.0.1.
/// </summary>
public sealed class SignInRateLimitTests
{
    private const string SignIn = "mutation { signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { session { accessToken } } }";

    /// <summary>The mutations the issue limits; each one the schema has must carry the limit.</summary>
    private static readonly string[] SignInMutations = ["signInWithWeChat", "signInForDevelopment", "refreshSession"];

    [Fact]
    public async Task Over_the_limit_a_sign_in_gets_RATE_LIMITED_and_other_operations_still_run()
    {
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 3));
        for (var attempt = 0; attempt < 3; attempt++)
            (await SignInFromAsync(server)).Ok();

        var refused = await SignInFromAsync(server);

        Assert.Equal(200, refused.Status);
        var error = Assert.Single(refused.Errors!)!;
        Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(60, error["extensions"]!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal("Too many sign-in attempts from this network address; try again in 60 seconds.", error["message"]!.GetValue<string>());
        Assert.Equal(["signInForDevelopment"], error["path"]!.AsArray().Select(segment => segment!.GetValue<string>()));
        Assert.Null(refused.Data?["signInForDevelopment"]);
        (await server.PostAsync("{ me { id } listings(first: 1) { totalCount } }")).Ok();
    }

    [Fact]
    public async Task One_document_cannot_sign_in_past_the_limit_with_aliases()
    {
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 2));
        var response = await server.PostAsync(
            "mutation { a: signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { errors { code } } "
            + "b: signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { errors { code } } "
            + "c: signInForDevelopment(input: { phoneNumber: \"13812345678\" }) { errors { code } } }");

        Assert.Equal("RATE_LIMITED", response.FirstErrorCode);
        Assert.Equal(["c"], response.Errors![0]!["path"]!.AsArray().Select(segment => segment!.GetValue<string>()));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 2, trustedProxy: "127.0.0.1"));
        for (var attempt = 0; attempt < 2; attempt++)
            (await SignInFromAsync(server, forwardedFor: "203.0.113.10")).Ok();

        Assert.Equal("RATE_LIMITED", (await SignInFromAsync(server, forwardedFor: "203.0.113.10")).FirstErrorCode);
        // What the client wrote before its own address (the proxy appends that) changes nothing.
        Assert.Equal("RATE_LIMITED", (await SignInFromAsync(server, forwardedFor: "198.51.100.99, 203.0.113.10")).FirstErrorCode);
        (await SignInFromAsync(server, forwardedFor: "198.51.100.20")).Ok();
        (await SignInFromAsync(server)).Ok();
    }

    [Fact]
    public async Task Addresses_in_one_IPv6_64_network_share_a_budget()
    {
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 2, trustedProxy: "127.0.0.1"));
        (await SignInFromAsync(server, forwardedFor: "2001:db8:0:1::1")).Ok();
        (await SignInFromAsync(server, forwardedFor: "2001:db8:0:1::2")).Ok();

        Assert.Equal("RATE_LIMITED", (await SignInFromAsync(server, forwardedFor: "2001:db8:0:1:ffff::3")).FirstErrorCode);
        (await SignInFromAsync(server, forwardedFor: "2001:db8:0:2::1")).Ok();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("192.0.2.0/24")]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_trusted_proxy_is_ignored(string? trustedProxy)
    {
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 2, trustedProxy: trustedProxy));
        (await SignInFromAsync(server, forwardedFor: "203.0.113.1")).Ok();
        (await SignInFromAsync(server, forwardedFor: "203.0.113.2")).Ok();

        Assert.Equal("RATE_LIMITED", (await SignInFromAsync(server, forwardedFor: "203.0.113.3")).FirstErrorCode);
    }

    [Fact]
    public async Task The_budget_returns_after_the_window()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await PlatformServer.StartAsync(Limit(permitLimit: 1, window: "00:00:01"));
        (await SignInFromAsync(server)).Ok();
        var refused = await SignInFromAsync(server);
        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
        var retryAfter = TimeSpan.FromSeconds(refused.Errors![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);

        // The hint is an upper bound; the limiter replenishes on a 100 ms timer, so allow a few ticks more.
        await Task.Delay(retryAfter, cancellation);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        var again = await SignInFromAsync(server);
        while (again.FirstErrorCode == "RATE_LIMITED" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellation);
            again = await SignInFromAsync(server);
        }
        again.Ok();
    }

    [Fact]
    public async Task Every_sign_in_mutation_carries_the_limit()
    {
        await using var server = await PlatformServer.StartAsync();
        var schema = server.Services.GetRequiredService<ETicketSchema>();
        schema.Initialize();

        var signIns = schema.Mutation!.Fields.Where(field => SignInMutations.Contains(field.Name)).ToList();

        Assert.Contains(signIns, field => field.Name == "signInForDevelopment");
        Assert.All(signIns, field => Assert.True(field.HasMetadata(SignInRateLimit.MetadataKey), $"{field.Name} needs .WithSignInRateLimit()"));
    }

    [Fact]
    public void A_trusted_proxy_that_is_not_an_address_stops_the_start_and_says_which_setting()
    {
        var data = Directory.CreateTempSubdirectory("eticket-proxies-").FullName;
        string[] args = ["--environment=Development", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0",
            "--ETicket:Network:TrustedProxies:0=gateway.internal"];

        var error = Assert.Throws<InvalidOperationException>(() => PlatformHost.Build(args));

        Assert.Contains("ETicket:Network:TrustedProxies", error.Message);
        Assert.Contains("gateway.internal", error.Message);
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string?> Limit(int permitLimit, string window = "00:01:00", string? trustedProxy = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ETicket:Members:SignInRateLimit:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ETicket:Members:SignInRateLimit:Window"] = window,
        };
        if (trustedProxy is not null)
            settings["ETicket:Network:TrustedProxies:0"] = trustedProxy;
        return settings;
    }

    private static async Task<GraphQLResponse> SignInFromAsync(PlatformServer server, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = SignIn }) };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return await GraphQLResponse.ReadAsync(response);
    }
}
