using ETicket.Graph.Transport;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Transport;

/// <summary>
/// A cached document whose complexity reads no variable runs with no validation rule, and its
/// variables and arguments are coerced from what was found once per operation (PreparedOperation).
/// Each test sends its document once to have it cached, then checks that later requests still get
/// their own variables, arguments, fragments and errors exactly as an uncached document would.
/// </summary>
public sealed class PreparedOperationTests
{
    [Fact]
    public async Task Arguments_read_each_requests_variables_through_fragments()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001", "Seller");
        await server.SeedAsync(seller.Id, 2, i => ListingSeeds.Concert(i == 0 ? "上海场" : "北京场", 100m, city: i == 0 ? "上海" : "北京"));
        const string query = """
            query($where: ListingFilterInput, $order: [ListingSortInput!]) { ...Market }
            fragment Market on Query { listings(first: 5, where: $where, order: $order) { nodes { ... on Listing { title city } } } }
            """;

        var shanghai = await Titles(server, query, new { where = new { city = new { eq = "上海" } } });
        var beijingOnly = await Titles(server, query, new { where = new { city = new { eq = "北京" } } });
        var both = await Titles(server, query, new { order = new[] { new { title = "ASC" } } });

        Assert.True(server.Services.GetRequiredService<DocumentCache>().TryGet(query, out _));
        Assert.Equal(["上海场"], shanghai);
        Assert.Equal(["北京场"], beijingOnly);
        Assert.Equal(new[] { "上海场", "北京场" }.Order(StringComparer.Ordinal), both);
    }

    [Fact]
    public async Task A_bad_variable_value_is_still_refused_with_the_variable_named()
    {
        await using var server = await PlatformServer.StartAsync();
        const string query = "query($where: ListingFilterInput) { listings(first: 2, where: $where) { nodes { title } } }";
        (await server.PostAsync(query, new { where = new { category = new { eq = "CONCERT" } } })).Ok();

        var refused = await server.PostAsync(query, new { where = new { category = new { eq = "NOT_A_CATEGORY" } } });

        Assert.Null(refused.Data);
        Assert.Contains("$where", refused.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_nullable_variable_where_a_value_is_required_refuses_an_explicit_null_every_time()
    {
        // Only the variable's usages (found once per operation) say that $price feeds a Decimal! argument.
        await using var server = await PlatformServer.StartAsync();
        const string query = "query($price: Decimal = \"100\") { quoteServiceCharge(price: $price) { price total } }";

        var byDefault = (await server.PostAsync(query)).Ok();
        var given = (await server.PostAsync(query, new { price = "250" })).Ok();
        foreach (var attempt in new[] { 1, 2 })
        {
            var refused = await server.PostAsync(query, new Dictionary<string, object?> { ["price"] = null });
            Assert.Null(refused.Data);
            Assert.Contains("$price", refused.Errors![0]!["message"]!.GetValue<string>());
        }

        Assert.Equal("100.00", byDefault["quoteServiceCharge"]!["price"]!.GetValue<string>());
        Assert.Equal("250.00", given["quoteServiceCharge"]!["price"]!.GetValue<string>());
    }

    [Fact]
    public async Task Literal_skip_and_include_still_leave_fields_out()
    {
        await using var server = await PlatformServer.StartAsync();
        const string query = """
            {
              shown: quoteServiceCharge(price: "10") { total }
              included: quoteServiceCharge(price: "20") @include(if: false) { total }
              skipped: quoteServiceCharge(price: "30") @skip(if: true) { total }
            }
            """;

        foreach (var attempt in new[] { 1, 2 })
        {
            var data = (await server.PostAsync(query)).Ok().AsObject();
            Assert.Equal(["shown"], data.Select(field => field.Key));
        }
    }

    private static async Task<string[]> Titles(PlatformServer server, string query, object variables) =>
        [.. (await server.PostAsync(query, variables)).Ok()["listings"]!["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>())];
}
