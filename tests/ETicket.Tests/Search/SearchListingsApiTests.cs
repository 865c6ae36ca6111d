using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Search;

/// <summary>searchListings as clients use it: over HTTP, fed by the platform's own events, on both databases.</summary>
public sealed class SearchListingsApiTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_published_listing_is_found_with_its_seller_and_facets(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "小明");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "周杰伦上海演唱会"));

        var result = await server.SearchUntilAsync(new { text = "杰伦" }, r => SearchRequests.Ids(r).Contains(listingId), "the new listing");

        var node = result["listings"]!["edges"]![0]!["node"]!;
        Assert.Equal("小明", node["seller"]!["nickname"]!.GetValue<string>());
        Assert.Equal(1, result["listings"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("CONCERT", result["categoryCounts"]![0]!["category"]!.GetValue<string>());
        Assert.Equal("上海", result["cityCounts"]![0]!["city"]!.GetValue<string>());
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Purchase_withdrawal_price_change_and_cancellation_show_in_the_results(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var bought = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "五月天 北京演唱会", ticketCode: "A"));
        var withdrawn = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "五月天 深圳演唱会", ticketCode: "B"));
        var repriced = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "五月天 广州演唱会", ticketCode: "C", price: "500"));
        await server.SearchUntilAsync(new { text = "五月天" }, r => SearchRequests.Ids(r).Count == 3, "three listings");

        var orderId = await server.PurchaseOkAsync(buyer, bought);
        Assert.Empty((await server.WithdrawAsync(seller, withdrawn))["errors"]!.AsArray());
        Assert.Empty((await server.ChangePriceAsync(seller, repriced, "300"))["errors"]!.AsArray());

        await server.SearchUntilAsync(new { text = "五月天" }, r => SearchRequests.Ids(r).SequenceEqual([repriced]), "only the listing still on sale");
        await server.SearchUntilAsync(new { text = "五月天", maxPrice = "300" }, r => SearchRequests.Ids(r).SequenceEqual([repriced]), "the new price");

        Assert.Empty((await server.OrderStepAsync("cancelOrder", buyer, orderId))["errors"]!.AsArray());
        await server.SearchUntilAsync(new { text = "五月天" }, r => SearchRequests.Ids(r).Contains(bought), "the listing on sale again");
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_listing_repriced_while_a_buyer_pages_by_price_is_not_shown_again(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001");
        var cheap = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "草莓音乐节 一日票", ticketCode: "A", price: "100"));
        var middle = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "草莓音乐节 两日票", ticketCode: "B", price: "200"));
        var dear = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "草莓音乐节 三日票", ticketCode: "C", price: "300"));
        var byPrice = new { text = "草莓音乐节", sort = "PRICE_ASC" };
        await server.SearchUntilAsync(byPrice, r => SearchRequests.Ids(r).SequenceEqual([cheap, middle, dear]), "three listings by price");

        var firstPage = await server.SearchOkAsync(byPrice, first: 1);
        Assert.Equal([cheap], SearchRequests.Ids(firstPage));
        // Seen, it now sorts ahead of the cursor: a walk by price alone would show it again.
        Assert.Empty((await server.ChangePriceAsync(seller, cheap, "250"))["errors"]!.AsArray());
        await server.SearchUntilAsync(byPrice, r => SearchRequests.Ids(r).SequenceEqual([middle, cheap, dear]), "the new price");

        var rest = await server.SearchOkAsync(byPrice, first: 10, after: firstPage["listings"]!["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal([middle, dear], SearchRequests.Ids(rest));
    }

    [Fact]
    public async Task Bad_input_is_a_clear_client_error()
    {
        await using var server = await PlatformServer.StartAsync();

        Assert.Equal("BAD_USER_INPUT", (await server.SearchAsync(new { text = new string('演', 5000) })).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await server.SearchAsync(new { text = "x" }, after: "not-a-cursor")).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await server.SearchAsync(new { minPrice = "10", maxPrice = "5" })).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await server.SearchAsync(new { text = "x" }, first: 101)).FirstErrorCode);
    }

    [Fact]
    public async Task Query_syntax_is_plain_text()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(title: "AC/DC: Live (AND more) \"Rock\" *OR* ?"));
        await server.SearchUntilAsync(new { text = "AC/DC" }, r => SearchRequests.Ids(r).Contains(listingId), "the new listing");

        foreach (var text in new[] { "\"rock\"", "(and", "*or*", "live:", "?", "\\", "AND OR NOT" })
            Assert.NotNull((await server.SearchAsync(new { text })).Ok()["searchListings"]);
        Assert.Equal([listingId], SearchRequests.Ids(await server.SearchOkAsync(new { text = "(AND more)" })));
    }

    [Fact]
    public async Task A_search_the_index_cannot_answer_asks_to_retry()
    {
        using var data = new TestDataDirectory();
        var dataDirectory = data.Path;
        // A file where the index folder belongs: the index can never be built.
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "search"), "not a folder", TestContext.Current.CancellationToken);
        await using var server = await PlatformServer.StartAsync(dataDirectory: dataDirectory);

        var response = await server.SearchAsync(new { text = "演唱会" });

        Assert.Equal("SEARCH_UNAVAILABLE", response.FirstErrorCode);
        Assert.Null(response.Data?["searchListings"]);
    }

    [Fact]
    public async Task With_Elasticsearch_unreachable_a_search_asks_to_retry()
    {
        // A loopback port nothing listens on: refused at once.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Search:Elasticsearch:Url"] = $"http://127.0.0.1:{port}",
        });

        var response = await server.SearchAsync(new { text = "演唱会" });

        Assert.Equal("SEARCH_UNAVAILABLE", response.FirstErrorCode);
    }
}
