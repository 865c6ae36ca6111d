using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
}
