using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Limits;

/// <summary>
/// How complexity is counted: every field 1, times the page sizes of the connections above it. A
/// depth limit of 1 refuses every query here, and the refusal says what the query cost.
/// </summary>
public sealed class ComplexityCountingTests(ComplexityCountingTests.MeasuringPlatform platform) : IClassFixture<ComplexityCountingTests.MeasuringPlatform>
{
    [Theory]
    // 5 fields on each of 100 listings (title, seller, its nickname, listings, nodes), a title on each of their sellers' 10.
    [InlineData(LimitRequests.Screen, 1 + 1 + 100 * 5 + 100 * 10)]
    [InlineData("{ listings(first: 5) { nodes { title } } }", 1 + 1 + 5)]
    [InlineData("{ listings(last: 5) { nodes { title } } }", 1 + 1 + 5)]
    // Without first or last: the default page of 20.
    [InlineData("{ listings { nodes { title } } }", 1 + 1 + 20)]
    // edges and nodes each hold the page once; the connection itself multiplies nothing.
    [InlineData("{ listings(first: 5) { totalCount edges { cursor node { title } } nodes { title } } }", 1 + 1 + 1 + 5 * 3 + 1 + 5)]
    [InlineData("{ me { listings(first: 10) { nodes { title price } } } }", 1 + 1 + 1 + 10 * 2)]
    // A negative page is refused when it runs; here it counts nothing, not minus its children.
    [InlineData("{ listings(first: -1000) { nodes { title } } }", 1 + 1)]
    // Introspection costs nothing: it is answered from the schema in memory.
    [InlineData("{ __schema { types { name fields { name } } } listings(first: 3) { nodes { id } } }", 1 + 1 + 3)]
    public async Task A_query_costs_its_fields_times_the_pages_they_are_in(string query, int complexity)
    {
        var extensions = LimitAssert.Refused(await platform.Server.PostAsync(query));

        Assert.Equal(complexity, extensions["complexity"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_page_size_from_a_variable_counts_as_sent()
    {
        var extensions = LimitAssert.Refused(await platform.Server.PostAsync(
            "query($size: Int) { listings(first: $size) { nodes { title } } }", new { size = 42 }));

        Assert.Equal(1 + 1 + 42, extensions["complexity"]!.GetValue<double>());
    }

    public sealed class MeasuringPlatform : IAsyncLifetime
    {
        private PlatformServer? _server;

        public PlatformServer Server => _server ?? throw new InvalidOperationException("The platform has not started.");

        public async ValueTask InitializeAsync() =>
            _server = await PlatformServer.StartAsync(LimitRequests.Settings(("MaxDepth", 1)));

        public async ValueTask DisposeAsync()
        {
            if (_server is not null)
                await _server.DisposeAsync();
        }
    }
}
