using ETicket.Graph.Hosting;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Infrastructure.FakeWeChatPay;

namespace ETicket.Tests.Hosting;

public sealed class StartupTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Data_and_sessions_survive_a_restart(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        var dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("eticket-restart-").FullName, "nested", "data");
        string listingId;
        SignedInMember seller;
        await using (var first = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory))
        {
            seller = await first.SignInAsync("13800000001", "Seller");
            listingId = await first.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "KEEP-ME"));
        }

        await using var second = await PlatformServer.StartAsync(database, dataDirectory: dataDirectory);
        var data = (await second.PostAsync("query($id: ID!) { me { nickname } listing(id: $id) { ticketCode } }", new { id = listingId }, seller.AccessToken)).Ok();

        // The generated development keys were kept: the old token still works and the code still decrypts.
        Assert.Equal("Seller", data["me"]!["nickname"]!.GetValue<string>());
        Assert.Equal("KEEP-ME", data["listing"]!["ticketCode"]!.GetValue<string>());
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(dataDirectory))!, recursive: true);
    }

    [Theory]
    [InlineData("ETicket:Auth:SigningKey")]
    [InlineData("ETicket:Tickets:SecretKey")]
    [InlineData("ETicket:Payments:Provider")]
    public void Outside_Development_a_missing_key_stops_the_start_and_says_which(string missing)
    {
        var data = Directory.CreateTempSubdirectory("eticket-keys-").FullName;
        var args = ProductionKeys.Settings.Where(s => s.Key != missing).Select(s => $"--{s.Key}={s.Value}")
            .Concat(["--environment=Production", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0"]).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => PlatformHost.Build(args));

        Assert.Contains(missing, error.Message);
        Assert.Contains(missing.Replace(":", "__"), error.Message);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var data = Directory.CreateTempSubdirectory("eticket-keys-").FullName;
        var args = new[]
        {
            "--environment=Production", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0",
            "--ETicket:Auth:SigningKey=c2hvcnQ=", $"--ETicket:Tickets:SecretKey={ProductionKeys.Settings["ETicket:Tickets:SecretKey"]}",
        };

        var error = Assert.Throws<InvalidOperationException>(() => PlatformHost.Build(args));

        Assert.Contains("at least 32", error.Message);
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("Members")]
    [InlineData("Tickets")]
    [InlineData("AllInOne")]
    public async Task Every_role_starts_and_serves_its_part(string role)
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Role"] = role });
        var types = (await server.PostAsync("{ __schema { queryType { fields { name } } } }")).Ok()["__schema"]!["queryType"]!["fields"]!
            .AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet();

        Assert.Equal(role != "Tickets", types.Contains("me"));
        Assert.Equal(role != "Members", types.Contains("listings"));
        Assert.Equal(role != "AllInOne", types.Contains("_entities"));
        Assert.Equal(role != "AllInOne", types.Contains("_service"));
        await HealthyAsync(server);
    }

    [Fact]
    public async Task With_WeChat_Pay_chosen_an_unusable_merchant_key_stops_the_start_and_names_it_without_quoting_it()
    {
        var settings = new Dictionary<string, string?>(FakeWeChatPayServer.SettingsFor(new Uri("http://127.0.0.1:9/")))
        {
            ["ETicket:Payments:Provider"] = "WeChatPay",
            ["ETicket:Payments:WeChatPay:PrivateKey"] = "-----BEGIN PRIVATE KEY-----\nnot-a-key-but-a-secret\n-----END PRIVATE KEY-----",
            ["ETicket:Payments:WeChatPay:ApiV3Key"] = null,
        };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => PlatformServer.StartAsync(settings));

        Assert.Contains("ETicket:Payments:WeChatPay:PrivateKey", failure.Message);
        Assert.Contains("ETicket:Payments:WeChatPay:ApiV3Key", failure.Message);
        Assert.DoesNotContain("not-a-key-but-a-secret", failure.ToString());
    }

    /// <summary>Waits (up to 30 s) for /health: it answers as readiness does, so 503 until the search index is first built.</summary>
    private static async Task HealthyAsync(PlatformServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int status;
        while ((status = (int)(await server.Http.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode) != 200 && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(200, status);
    }
}
