using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

public sealed class PublishAndReadListingsTests
{
    [Fact]
    public async Task A_published_listing_is_readable_with_its_seller()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001", "Seller");

        var published = (await server.PostAsync(
            """
            mutation($input: PublishListingInput!) {
              publishListing(input: $input) { listing { id title price faceValue status seller { id nickname } } errors { code field } }
            }
            """,
            new { input = new { category = "CONCERT", title = "Jay Chou Shanghai", faceValue = "880", price = "900.5", ticketCode = "CODE-1" } },
            seller.AccessToken)).Ok()["publishListing"]!;

        Assert.Empty(published["errors"]!.AsArray());
        var listing = published["listing"]!;
        Assert.Equal("900.50", listing["price"]!.GetValue<string>());
        Assert.Equal("880.00", listing["faceValue"]!.GetValue<string>());
        Assert.Equal("ON_SALE", listing["status"]!.GetValue<string>());
        Assert.Equal(seller.Id, listing["seller"]!["id"]!.GetValue<string>());

        var read = (await server.PostAsync("query($id: ID!) { listing(id: $id) { title seller { nickname listings(first: 5) { totalCount } } } }",
            new { id = listing["id"]!.GetValue<string>() })).Ok()["listing"]!;
        Assert.Equal("Jay Chou Shanghai", read["title"]!.GetValue<string>());
        Assert.Equal("Seller", read["seller"]!["nickname"]!.GetValue<string>());
        Assert.Equal(1, read["seller"]!["listings"]!["totalCount"]!.GetValue<int>());
    }
}
