using ETicket.Tests.Infrastructure;
using ETicket.Tests.Transport;

namespace ETicket.Tests.Limits;

/// <summary>The default depth and complexity limits (12 levels, 100 000) on one shared all-in-one platform.</summary>
public sealed class DefaultLimitsTests(PlatformServerFixture platform) : IClassFixture<PlatformServerFixture>
{
    private PlatformServer Server => platform.Server;

    [Fact]
    public async Task The_largest_screen_of_the_mini_program_is_admitted()
    {
        (await Server.PostAsync(LimitRequests.Screen)).Ok();
    }

    [Fact]
    public async Task A_query_that_could_touch_a_million_listings_is_refused_with_its_figures()
    {
        var extensions = LimitAssert.Refused(await Server.PostAsync(LimitRequests.MillionListings));

        // 1 + 1 for the outer connection, 3 fields on each of 100, 3 on each of 10 000, 1 on each of 1 000 000.
        LimitAssert.Figures(extensions, complexity: 1_030_302, maxComplexity: 100_000, depth: 9, maxDepth: 12);
    }

    [Fact]
    public async Task A_refusal_is_a_request_that_did_not_execute_400_in_graphql_response_json()
    {
        var body = $$"""{"query":"{{LimitRequests.MillionListings}}"}""";

        TransportAssert.Refused(await Server.PostRawAsync(body, accept: Media.GraphQLResponse), 400, "QUERY_TOO_COMPLEX");
        TransportAssert.Refused(await Server.PostRawAsync(body, accept: Media.Json), 200, "QUERY_TOO_COMPLEX");
        TransportAssert.Refused(await Server.GetRawAsync([("query", LimitRequests.MillionListings)], accept: Media.GraphQLResponse), 400, "QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task A_query_nested_deeper_than_12_levels_is_refused_however_cheap()
    {
        const string thirteenLevels = """
            { listing(id: "0") { seller { listings(first: 1) { nodes { seller { listings(first: 1) { nodes {
                seller { listings(first: 1) { nodes { seller { listings(first: 1) { totalCount } } } } } } } } } } } } }
            """;

        var extensions = LimitAssert.Refused(await Server.PostAsync(thirteenLevels));

        LimitAssert.Figures(extensions, complexity: 13, maxComplexity: 100_000, depth: 13, maxDepth: 12);
    }

    [Fact]
    public async Task The_standard_introspection_query_is_exempt_from_the_depth_limit()
    {
        var schema = (await Server.PostAsync(LimitRequests.StandardIntrospection)).Ok()["__schema"]!;

        Assert.Contains(schema["types"]!.AsArray(), type => type!["name"]!.GetValue<string>() == "Listing");
    }

    [Fact]
    public async Task The_exemption_is_for_introspection_alone_not_for_a_query_that_adds_other_fields()
    {
        var mixed = LimitRequests.StandardIntrospection.Replace("__schema {", "listings(first: 1) { totalCount } __schema {");

        var extensions = LimitAssert.Refused(await Server.PostAsync(mixed));

        Assert.Equal(15, extensions["depth"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")]
    [InlineData("{ __type(name: \"Member\") { fields { type { fields { type { fields { name } } } } } } }")]
    [InlineData("{ __schema { types { ...Cycle } } } fragment Cycle on __Type { interfaces { possibleTypes { fields { name } } } }")]
    public async Task Introspection_that_follows_the_type_graph_round_and_round_is_refused(string query)
    {
        var extensions = LimitAssert.Refused(await Server.PostAsync(query));

        Assert.Equal(3, extensions["introspectionDepth"]!.GetValue<int>());
        Assert.Equal(2, extensions["maxIntrospectionDepth"]!.GetValue<int>());
    }

    [Fact]
    public async Task Introspection_through_a_fragment_that_spreads_itself_is_refused_not_followed()
    {
        var response = await Server.PostAsync("{ __schema { types { ...Cycle } } } fragment Cycle on __Type { fields { type { ...Cycle } } }");

        Assert.Null(response.Data);
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
    }

    [Fact]
    public async Task Fragments_that_spread_fragments_twice_over_are_refused_at_once()
    {
        // 2^40 fields once written out: refused from the fragments' sizes, not by writing them out.
        var fragments = string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var bomb = $"{{ ...F0 }} {fragments} fragment F40 on Query {{ __typename }}";

        var extensions = LimitAssert.Refused(await Server.PostAsync(bomb));

        Assert.Equal(int.MaxValue, extensions["fields"]!.GetValue<long>());
        Assert.Equal(100_000, extensions["maxComplexity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Typename_is_answered()
    {
        Assert.Equal("Query", (await Server.PostAsync("{ __typename }")).Ok()["__typename"]!.GetValue<string>());
    }
}
