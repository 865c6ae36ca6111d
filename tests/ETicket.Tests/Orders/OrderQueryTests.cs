using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Orders;

public sealed class OrderQueryTests
{
    [Fact]
    public async Task An_order_is_visible_to_its_buyer_its_seller_and_admins_only()
    {
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = "13900000000" });
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var stranger = await server.SignInAsync("13800000003");
        var admin = await server.SignInAsync("13900000000");
        var orderId = await server.PurchaseOkAsync(buyer, await server.PublishOkAsync(seller, ListingRequests.Concert()));
        const string query = "query($id: ID!) { order(id: $id) { id buyer { id } seller { id } } }";

        foreach (var viewer in new[] { buyer, seller, admin })
            Assert.Equal(orderId, (await server.PostAsync(query, new { id = orderId }, viewer.AccessToken)).Ok()["order"]!["id"]!.GetValue<string>());
        Assert.Null((await server.PostAsync(query, new { id = orderId }, stranger.AccessToken)).Ok()["order"]);
        Assert.Null((await server.PostAsync(query, new { id = orderId })).Ok()["order"]);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task My_orders_filter_by_role_and_status_as_of_now(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var alice = await server.SignInAsync("13800000001");
        var bob = await server.SignInAsync("13800000002");
        var alicesListing = await server.PublishOkAsync(alice, ListingRequests.Concert(ticketCode: "A"));
        var bobsListings = new List<string>();
        for (var i = 0; i < 3; i++)
            bobsListings.Add(await server.PublishOkAsync(bob, ListingRequests.Concert(title: $"Bob {i}", ticketCode: $"B{i}")));
        await server.PurchaseOkAsync(bob, alicesListing);                     // Alice sells to Bob
        var paid = await server.PurchasePaidAsync(alice, bobsListings[0]);   // Alice buys from Bob and pays
        var cancelled = await server.PurchaseOkAsync(alice, bobsListings[1]);
        await server.OrderStepAsync("cancelOrder", alice, cancelled);

        async Task<int> CountAsync(string arguments) =>
            (await server.PostAsync($"{{ myOrders{arguments} {{ totalCount nodes {{ id }} }} }}", accessToken: alice.AccessToken)).Ok()["myOrders"]!["totalCount"]!.GetValue<int>();

        Assert.Equal(3, await CountAsync(""));
        Assert.Equal(2, await CountAsync("(role: BUYER)"));
        Assert.Equal(1, await CountAsync("(role: SELLER)"));
        Assert.Equal(1, await CountAsync("(status: PAID)"));
        Assert.Equal(1, await CountAsync("(role: BUYER, status: CANCELLED)"));
        Assert.Equal(1, await CountAsync("(role: SELLER, status: PENDING_PAYMENT)"));

        var firstPage = (await server.PostAsync("{ myOrders(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }", accessToken: alice.AccessToken)).Ok()["myOrders"]!;
        Assert.True(firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(cancelled, firstPage["nodes"]![0]!["id"]!.GetValue<string>()); // newest first
        var anonymous = await server.PostAsync("{ myOrders { totalCount } }");
        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);
        Assert.NotEqual(paid, cancelled);
    }

    [Theory]
    [InlineData("9.99", "0.10")]
    [InlineData("10", "0.50")]
    [InlineData("99.99", "0.99")]
    [InlineData("100", "1.98")]
    [InlineData("1000", "4.95")]
    public async Task Anonymous_quotes_use_the_normal_level(string price, string serviceCharge)
    {
        await using var server = await PlatformServer.StartAsync();
        var quote = (await server.PostAsync("query($p: Decimal!) { quoteServiceCharge(price: $p) { price serviceCharge total membershipLevel } }", new { p = price })).Ok()["quoteServiceCharge"]!;

        Assert.Equal(serviceCharge, quote["serviceCharge"]!.GetValue<string>());
        Assert.Equal("NORMAL", quote["membershipLevel"]!.GetValue<string>());
        Assert.Equal((decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(serviceCharge, System.Globalization.CultureInfo.InvariantCulture)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            quote["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_quote_is_what_the_purchase_charges()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var buyer = await server.SignInAsync("13800000002");
        var listingId = await server.PublishOkAsync(seller, ListingRequests.Concert(price: "45.5", faceValue: "50"));

        var quote = (await server.PostAsync("{ quoteServiceCharge(price: \"45.5\") { serviceCharge total } }", accessToken: buyer.AccessToken)).Ok()["quoteServiceCharge"]!;
        var order = (await server.PurchaseAsync(buyer, listingId))["order"]!;

        Assert.Equal(quote["serviceCharge"]!.GetValue<string>(), order["serviceCharge"]!.GetValue<string>());
        Assert.Equal(quote["total"]!.GetValue<string>(), order["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_quote_for_a_non_positive_price_is_bad_input()
    {
        await using var server = await PlatformServer.StartAsync();
        Assert.Equal("BAD_USER_INPUT", (await server.PostAsync("{ quoteServiceCharge(price: \"0\") { total } }")).FirstErrorCode);
    }
}
