using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Listings;

public sealed class PublishAndReadListingsTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_published_listing_is_readable_with_its_seller_and_their_listings(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var seller = await server.SignInAsync("13800000001", "卖家");

        var payload = await server.PublishAsync(seller, new
        {
            category = "CONCERT",
            title = "  周杰伦上海演唱会  ",
            description = "内场 A 区",
            country = "中国",
            city = "上海",
            venue = "梅赛德斯奔驰文化中心",
            startsAt = "2099-05-01T19:30:00+08:00",
            seat = "A-12-8",
            faceValue = "880",
            price = "900.5",
            ticketCode = "  QR-0001  ",
            imageUrls = new[] { "https://img.example.com/1.jpg" },
        });

        Assert.Empty(payload["errors"]!.AsArray());
        var listing = payload["listing"]!;
        Assert.Equal("周杰伦上海演唱会", listing["title"]!.GetValue<string>());
        Assert.Equal("900.50", listing["price"]!.GetValue<string>());
        Assert.Equal("880.00", listing["faceValue"]!.GetValue<string>());
        Assert.Equal("ON_SALE", listing["status"]!.GetValue<string>());
        Assert.Equal("2099-05-01T11:30:00Z", listing["startsAt"]!.GetValue<string>());
        Assert.Equal("QR-0001", listing["ticketCode"]!.GetValue<string>());
        Assert.Equal(seller.Id, listing["seller"]!["id"]!.GetValue<string>());

        var read = (await server.PostAsync(
            """
            query($id: ID!) {
              listing(id: $id) {
                title description country city venue seat startsAt endsAt price imageUrls category publishedAt
                seller { nickname listings(first: 5) { totalCount nodes { id } } }
              }
            }
            """,
            new { id = listing["id"]!.GetValue<string>() })).Ok()["listing"]!;
        Assert.Equal("内场 A 区", read["description"]!.GetValue<string>());
        Assert.Equal("A-12-8", read["seat"]!.GetValue<string>());
        Assert.Null(read["endsAt"]);
        Assert.Equal("https://img.example.com/1.jpg", read["imageUrls"]![0]!.GetValue<string>());
        Assert.Equal("卖家", read["seller"]!["nickname"]!.GetValue<string>());
        Assert.Equal(1, read["seller"]!["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_ticket_code_is_shown_to_its_seller_only()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var other = await server.SignInAsync("13800000002");
        var id = await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "SECRET-42"));
        const string query = "query($id: ID!) { listing(id: $id) { ticketCode } }";

        Assert.Equal("SECRET-42", (await server.PostAsync(query, new { id }, seller.AccessToken)).Ok()["listing"]!["ticketCode"]!.GetValue<string>());
        Assert.Null((await server.PostAsync(query, new { id }, other.AccessToken)).Ok()["listing"]!["ticketCode"]);
        Assert.Null((await server.PostAsync(query, new { id })).Ok()["listing"]!["ticketCode"]);
    }

    [Fact]
    public async Task The_ticket_code_is_encrypted_at_rest()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        await server.PublishOkAsync(seller, ListingRequests.Concert(ticketCode: "PLAINTEXT-NEEDLE-7731"));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(server.DataDirectory, "eticket.db"), TestContext.Current.CancellationToken);
        var wal = Path.Combine(server.DataDirectory, "eticket.db-wal");
        var all = File.Exists(wal) ? [.. bytes, .. await File.ReadAllBytesAsync(wal, TestContext.Current.CancellationToken)] : bytes;
        Assert.DoesNotContain("PLAINTEXT-NEEDLE-7731", System.Text.Encoding.UTF8.GetString(all));
    }

    [Fact]
    public async Task Publishing_needs_a_signed_in_member()
    {
        await using var server = await PlatformServer.StartAsync();
        var response = await server.PostAsync(ListingRequests.Publish, new { input = ListingRequests.Concert() });

        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Equal(0, (await server.PostAsync("{ listings { totalCount } }")).Ok()["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_listings_are_refused_with_errors_naming_the_fields()
    {
        await using var server = await PlatformServer.StartAsync();
        var seller = await server.SignInAsync("13800000001");
        var payload = await server.PublishAsync(seller, new
        {
            category = "FOOD",
            title = "x",
            faceValue = "0",
            price = "-1",
            ticketCode = "   ",
            imageUrls = new[] { "ftp://example.com/a.jpg" },
        });

        Assert.Null(payload["listing"]);
        var fields = payload["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["endsAt", "faceValue", "imageUrls", "price", "ticketCode", "title"], fields.Order());
        Assert.All(payload["errors"]!.AsArray(), e => Assert.Equal("VALIDATION_FAILED", e!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_read_as_null()
    {
        await using var server = await PlatformServer.StartAsync();
        var data = (await server.PostAsync(
            """{ a: listing(id: "0000000000000000000000000000abcd") { id } b: listing(id: "not an id") { id } c: member(id: "nope") { id } }""")).Ok();

        Assert.Null(data["a"]);
        Assert.Null(data["b"]);
        Assert.Null(data["c"]);
    }
}
