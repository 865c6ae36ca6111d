using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

/// <summary>
/// Member.listings (a shop) loads in batches with the other shops of a page. A cursor that is not one
/// of a shop's fails that shop's field alone, as BAD_USER_INPUT; the fuzz once saw it null every
/// shop of the batch instead (INTERNAL_SERVER_ERROR, "Cannot return null", logged as a failure).
/// </summary>
public sealed class ShopPageCursorTests
{
    private const string TwoShops = """
        query($first: ID!, $second: ID!, $after: String) {
          a: member(id: $first) { listings(first: 2, after: $after) { nodes { title } } }
          b: member(id: $second) { listings(first: 2) { nodes { title } } }
        }
        """;

    [Theory]
    [InlineData("not-a-cursor", "is not a cursor this API gave out")]
    // A cursor of the market page sorted by price: a list in another order.
    [InlineData(null, "another order")]
    public async Task A_bad_cursor_fails_its_shop_alone(string? cursor, string message)
    {
        await using var server = await PlatformServer.StartAsync(configureServices: ServerLogs.Capture);
        var first = await server.SignInAsync("13800000001", "First");
        var second = await server.SignInAsync("13800000002", "Second");
        await server.PublishOkAsync(first, ListingRequests.Concert(title: "First's", ticketCode: "CODE-1"));
        await server.PublishOkAsync(second, ListingRequests.Concert(title: "Second's", ticketCode: "CODE-2"));
        server.Logs().Clear();
        cursor ??= (await server.PostAsync("{ listings(first: 1, order: { price: ASC }) { pageInfo { endCursor } } }")).Ok()["listings"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var answer = await server.PostAsync(TwoShops, new { first = first.Id, second = second.Id, after = cursor });

        var error = Assert.Single(answer.Errors!);
        Assert.Equal("BAD_USER_INPUT", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>());
        Assert.Equal("""["a","listings"]""", error["path"]!.ToJsonString());
        Assert.Equal("Second's", answer.Data!["b"]!["listings"]!["nodes"]![0]!["title"]!.GetValue<string>());
        server.AssertNoWarnings();
    }
}
