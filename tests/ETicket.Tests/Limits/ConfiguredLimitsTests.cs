using ETicket.Graph.Hosting;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport;
using Microsoft.Extensions.Options;

namespace ETicket.Tests.Limits;

/// <summary>Every limit follows its ETicket:Query setting; each test starts its own platform.</summary>
public sealed class ConfiguredLimitsTests
{
    [Fact]
    public async Task MaxDepth_sets_the_depth_limit()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxDepth", 3)));

        (await server.PostAsync("{ listings { nodes { title } } }")).Ok();
        var extensions = LimitAssert.Refused(await server.PostAsync("{ listings { nodes { seller { nickname } } } }"));
        LimitAssert.Figures(extensions, complexity: 1 + 1 + 20 * 2, maxComplexity: 100_000, depth: 4, maxDepth: 3);
    }

    [Fact]
    public async Task MaxComplexity_sets_the_budget()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxComplexity", 50)));

        (await server.PostAsync("{ listings(first: 48) { nodes { title } } }")).Ok();
        var refused = await server.PostAsync("{ listings(first: 49) { nodes { title } } }");
        LimitAssert.Figures(LimitAssert.Refused(refused), complexity: 51, maxComplexity: 50, depth: 3, maxDepth: 12);
        Assert.Contains("its complexity is 51, more than the 50 allowed", refused.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task MaxAliases_counts_aliased_fields_and_a_fragment_each_time_it_is_spread()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxAliases", 3)));
        const string fragment = "fragment Names on Listing { name: title label: title }";

        (await server.PostAsync("{ first: listings(first: 1) { nodes { ...Names } } }" + fragment)).Ok();
        var extensions = LimitAssert.Refused(await server.PostAsync(
            "{ first: listings(first: 1) { nodes { ...Names } } second: listings(first: 1) { nodes { ...Names } } }" + fragment));
        Assert.Equal(6, extensions["aliases"]!.GetValue<int>());
        Assert.Equal(3, extensions["maxAliases"]!.GetValue<int>());
    }

    [Fact]
    public async Task MaxDocumentLength_refuses_a_longer_document_before_parsing_it()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxDocumentLength", 40)));
        var fits = "{ __typename }".PadRight(40);
        // One character over, and not even GraphQL: the length is checked before the parser sees it.
        var tooLong = new string('{', 41);

        (await server.PostAsync(fits)).Ok();
        var extensions = LimitAssert.Refused(await server.PostAsync(tooLong));
        Assert.Equal(41, extensions["documentLength"]!.GetValue<int>());
        Assert.Equal(40, extensions["maxDocumentLength"]!.GetValue<int>());
        TransportAssert.Refused(await server.GetRawAsync([("query", tooLong)], accept: Media.GraphQLResponse), 400, "QUERY_TOO_COMPLEX");
    }

    [Theory]
    [InlineData("MaxDepth", "0")]
    [InlineData("MaxComplexity", "0")]
    [InlineData("MaxDocumentLength", "0")]
    [InlineData("MaxAliases", "-1")]
    public async Task A_limit_out_of_range_stops_the_start_and_names_the_setting(string limit, string value)
    {
        var data = Directory.CreateTempSubdirectory("eticket-limits-").FullName;
        var app = PlatformHost.Build(
            ["--environment=Development", $"--ETicket:DataDirectory={data}", "--urls=http://127.0.0.1:0", $"--ETicket:Query:{limit}={value}"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"ETicket:Query:{limit} must be at least", error.Message);
        await app.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }
}
