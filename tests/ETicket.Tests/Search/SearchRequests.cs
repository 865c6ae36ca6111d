using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Search;

public static class SearchRequests
{
    public const string Search = """
        query($input: SearchListingsInput!, $first: Int, $after: String) {
          searchListings(input: $input, first: $first, after: $after) {
            listings { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title price status seller { nickname } } } }
            categoryCounts { category count }
            cityCounts { city count }
          }
        }
        """;

    public static async Task<GraphQLResponse> SearchAsync(this PlatformServer server, object input, int? first = null, string? after = null) =>
        await server.PostAsync(Search, new { input, first, after });

    public static async Task<JsonNode> SearchOkAsync(this PlatformServer server, object input, int? first = null, string? after = null) =>
        (await server.SearchAsync(input, first, after)).Ok()["searchListings"]!;

    public static IReadOnlyList<string> Ids(JsonNode result) =>
        result["listings"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();

    /// <summary>
    /// Searches until <paramref name="expected"/> holds: the index follows committed changes within
    /// about a second, so a test waits for it (10 s at most) rather than for a fixed time.
    /// </summary>
    public static async Task<JsonNode> SearchUntilAsync(this PlatformServer server, object input, Func<JsonNode, bool> expected, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await server.SearchAsync(input);
            // Right after a first start the index may still be being built.
            var result = response.FirstErrorCode == "SEARCH_UNAVAILABLE" ? null : response.Ok()["searchListings"]!;
            if (result is not null && expected(result))
                return result;
            Assert.True(DateTime.UtcNow < deadline, $"Search did not show {what} within 10 s; last answer: {result?.ToJsonString() ?? "SEARCH_UNAVAILABLE"}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
