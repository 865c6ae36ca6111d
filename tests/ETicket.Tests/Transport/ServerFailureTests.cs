using ETicket.Domain.Persistence;
using ETicket.Graph.Hosting;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Transport;

/// <summary>Failures on our side, and configured limits: each test starts its own platform.</summary>
public sealed class ServerFailureTests
{
    [Fact]
    public async Task An_unexpected_exception_is_INTERNAL_SERVER_ERROR_without_internals()
    {
        await using var server = await PlatformServer.StartAsync();
        // Take the listings table away under the running server: every read of it now throws.
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE Listings RENAME TO ListingsGone", TestContext.Current.CancellationToken);

        foreach (var accept in new[] { Media.Json, Media.GraphQLResponse })
        {
            var answer = await server.PostRawAsync("""{"query":"{ listings(first: 1) { totalCount } }"}""", accept: accept);

            // The operation ran and its field failed: a GraphQL response, 200 for either media type.
            Assert.Equal(200, answer.Status);
            Assert.Equal("INTERNAL_SERVER_ERROR", answer.FirstErrorCode);
            Assert.Equal("Something went wrong on our side. Please try again later.", answer.FirstErrorMessage);
            Assert.Null(answer.FirstError?["extensions"]?["details"]);
            TransportAssert.NoInternals(answer);
        }
    }

    [Fact]
    public async Task MaxRequestBytes_sets_the_body_limit()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Transport:MaxRequestBytes"] = "100" });
        var padding = new string(' ', 100);

        var small = await server.PostRawAsync("""{"query":"{ __typename }"}""");
        var large = await server.PostRawAsync($$"""{"query":"{ __typename {{padding}} }"}""");

        Assert.Equal(200, small.Status);
        TransportAssert.Refused(large, 413, "BAD_USER_INPUT");
        Assert.Contains("100 bytes", large.FirstErrorMessage);
    }

    [Fact]
    public async Task The_request_body_rate_settings_reach_Kestrel()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Transport:MinRequestBodyBytesPerSecond"] = "100",
            ["ETicket:Transport:RequestBodyGracePeriod"] = "00:00:02",
        });

        var rate = server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MinRequestBodyDataRate;

        Assert.Equal(100, rate?.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2), rate?.GracePeriod);
    }

    [Theory]
    [InlineData("MaxRequestBytes", "0")]
    [InlineData("MinRequestBodyBytesPerSecond", "0")]
    [InlineData("RequestBodyGracePeriod", "00:00:01")]
    public void A_transport_setting_out_of_range_stops_the_start_and_names_the_setting(string setting, string value)
    {
        var data = Directory.CreateTempSubdirectory("eticket-transport-").FullName;
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => PlatformHost.Build(
                ["--environment=Development", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0", $"--ETicket:Transport:{setting}={value}"]));

            Assert.Contains($"ETicket:Transport:{setting} must be", error.Message);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
