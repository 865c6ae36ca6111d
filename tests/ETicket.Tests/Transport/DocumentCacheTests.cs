using ETicket.Graph.Transport;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport;

/// <summary>
/// A repeated document is parsed and validated once (DocumentCache); what depends on the request
/// (variables, the complexity they give) is still checked every time. Each test starts its own platform.
/// </summary>
public sealed class DocumentCacheTests
{
    private const string Paged = "query Paged($n: Int) { listings(first: $n) { nodes { title } } }";

    [Fact]
    public async Task A_document_is_cached_once_it_passed_validation_and_then_answers_the_same()
    {
        await using var server = await PlatformServer.StartAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();

        var first = (await server.PostAsync(Paged, new { n = 2 })).Ok();
        Assert.True(cache.TryGet(Paged, out var cached));
        var second = (await server.PostAsync(Paged, new { n = 2 })).Ok();

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(cache.TryGet(Paged, out var again));
        Assert.Same(cached, again);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_not_cached_and_fails_every_time()
    {
        await using var server = await PlatformServer.StartAsync();
        var cache = server.Services.GetRequiredService<DocumentCache>();
        const string unknownField = "{ listings { nodes { notAField } } }";

        foreach (var attempt in new[] { 1, 2 })
        {
            var answer = await server.PostAsync(unknownField);
            Assert.Null(answer.Data);
            Assert.Contains("notAField", answer.Errors![0]!["message"]!.GetValue<string>());
        }
        Assert.False(cache.TryGet(unknownField, out _));
    }

    [Fact]
    public async Task Variables_are_still_checked_against_a_cached_document()
    {
        await using var server = await PlatformServer.StartAsync();
        (await server.PostAsync(Paged, new { n = 2 })).Ok();

        var answer = await server.PostAsync(Paged, new { n = "two" });

        Assert.Null(answer.Data);
        Assert.Contains("$n", answer.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_complexity_limit_still_counts_the_variables_of_a_cached_document()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxComplexity", 50)));

        (await server.PostAsync(Paged, new { n = 48 })).Ok();
        var refused = await server.PostAsync(Paged, new { n = 49 });

        LimitAssert.Figures(LimitAssert.Refused(refused), complexity: 51, maxComplexity: 50, depth: 3, maxDepth: 12);
    }

    [Fact]
    public async Task A_field_a_variable_includes_counts_again_when_the_variable_includes_it()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxComplexity", 50)));
        const string query = "query($all: Boolean!) { listings(first: 30) { nodes { title } } more: listings(first: 30) @include(if: $all) { nodes { title } } }";

        // 1 + 1 + 30 without the second list: under the limit, cached, and its verdict must not stick.
        (await server.PostAsync(query, new { all = false })).Ok();
        (await server.PostAsync(query, new { all = false })).Ok();
        var refused = await server.PostAsync(query, new { all = true });

        LimitAssert.Figures(LimitAssert.Refused(refused), complexity: 64, maxComplexity: 50, depth: 3, maxDepth: 12);
    }

    [Fact]
    public async Task Each_operation_of_a_cached_document_is_measured_on_its_own()
    {
        await using var server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxComplexity", 50)));
        const string query = "query Small { listings(first: 2) { nodes { title } } } query Large { listings(first: 60) { nodes { title } } }";

        // Small's complexity reads no variable: once it passed it is not analyzed again, but Large still is.
        (await server.PostAsync(query, operationName: "Small")).Ok();
        (await server.PostAsync(query, operationName: "Small")).Ok();
        var refused = await server.PostAsync(query, operationName: "Large");

        LimitAssert.Figures(LimitAssert.Refused(refused), complexity: 62, maxComplexity: 50, depth: 3, maxDepth: 12);
    }
}
