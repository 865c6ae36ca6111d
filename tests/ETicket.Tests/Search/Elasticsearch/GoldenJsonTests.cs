namespace ETicket.Tests.Search.Elasticsearch;

/// <summary>The golden comparison itself: it must catch a changed value, a missing key and a reordered array.</summary>
public sealed class GoldenJsonTests
{
    [Theory]
    [InlineData("""{"actions":[{"remove":{"index":"eticket-listings-v1-20261101000000000","alias":"eticket-listings"}},{"add":{"index":"eticket-listings-v2-20261206043000124","alias":"eticket-listings"}}]}""", "$.actions[1].add.index")]
    [InlineData("""{"actions":[{"add":{"index":"eticket-listings-v2-20261206043000123","alias":"eticket-listings"}},{"remove":{"index":"eticket-listings-v1-20261101000000000","alias":"eticket-listings"}}]}""", "$.actions[0]")]
    [InlineData("""{"actions":[{"remove":{"index":"eticket-listings-v1-20261101000000000"}},{"add":{"index":"eticket-listings-v2-20261206043000123","alias":"eticket-listings"}}]}""", "$.actions[0].remove.alias")]
    public void A_body_that_differs_from_its_golden_file_fails_naming_where(string body, string where)
    {
        var error = Assert.ThrowsAny<Exception>(() => GoldenJson.Matches("alias-swap.json", body, keepActual: false));

        Assert.Contains($"differs from Golden/alias-swap.json at {where}", error.Message);
    }

    [Fact]
    public void Key_order_and_white_space_do_not_matter()
    {
        GoldenJson.Matches("alias-swap.json", """
            { "actions": [ { "remove": { "alias": "eticket-listings", "index": "eticket-listings-v1-20261101000000000" } },
                           { "add": { "alias": "eticket-listings", "index": "eticket-listings-v2-20261206043000123" } } ] }
            """);
    }
}
