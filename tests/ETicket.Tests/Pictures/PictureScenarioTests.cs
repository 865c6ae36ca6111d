using System.Net;
using System.Text.Json.Nodes;
using ETicket.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace ETicket.Tests.Pictures;

/// <summary>
/// Ticket pictures end to end over HTTP: uploaded as GraphQL multipart requests, their codes read and
/// used as listing codes, guarded against duplicates, and served only to who may see them.
/// </summary>
public sealed class PictureScenarioTests
{
    private const string AdminPhone = "13900000000";
    private const string ListingPictures = """
        query($id: ID!) { listing(id: $id) { ticketCode pictures { id url thumbnailUrl urlExpiresAt showsTicketCode ticketCode } } }
        """;

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_code_read_from_a_screenshot_becomes_the_listings_code_and_its_picture_is_as_secret_as_the_code(DatabaseKind kind)
    {
        await using var market = await Market.StartAsync(kind);
        var (server, seller) = (market.Server, await market.Server.SignInAsync("13800000101", "卖家"));
        const string code = "CINEMA-7788-排12座";

        var screenshot = await server.UploadPictureAsync(seller.AccessToken, TestPictures.QrScreenshot(code));
        Assert.Empty(screenshot["errors"]!.AsArray());
        var codePicture = screenshot["picture"]!;
        Assert.True(codePicture["showsTicketCode"]!.GetValue<bool>());
        Assert.Equal(code, codePicture["ticketCode"]!.GetValue<string>());
        Assert.Equal("QR_CODE", codePicture["codeFormat"]!.GetValue<string>());
        Assert.NotNull(codePicture["urlExpiresAt"]!.GetValue<string>());
        var photoId = await server.UploadPictureOkAsync(seller.AccessToken, TestPictures.Photo(seed: 5));

        // Before it is on a listing, an upload is its uploader's: through the signed address only.
        var uploaded = await GetAsync(server, codePicture["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.True(uploaded.Headers.CacheControl is { Private: true, NoStore: true });

        var listingId = await server.PublishOkAsync(seller, Concert(ticketCode: "", codePicture["id"]!.GetValue<string>(), photoId));
        var asSeller = await PicturesOfAsync(server, listingId, seller.AccessToken);
        Assert.Equal(code, asSeller["ticketCode"]!.GetValue<string>());
        Assert.Equal([codePicture["id"]!.GetValue<string>(), photoId], Ids(asSeller));

        // Anyone else: the photo alone, at a public address that does not expire.
        var asAnyone = await PicturesOfAsync(server, listingId);
        var photo = Assert.Single(asAnyone["pictures"]!.AsArray())!;
        Assert.Equal(photoId, photo["id"]!.GetValue<string>());
        Assert.Null(photo["urlExpiresAt"]);
        Assert.DoesNotContain("signature", photo["url"]!.GetValue<string>());
        var publicPhoto = await GetAsync(server, photo["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, publicPhoto.StatusCode);
        Assert.Equal("image/jpeg", publicPhoto.Content.Headers.ContentType!.MediaType);
        Assert.Contains("public", publicPhoto.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, photo["thumbnailUrl"]!.GetValue<string>())).StatusCode);

        // The code picture's address without its signature, or with a forged one, opens nothing.
        var signedUrl = asSeller["pictures"]![0]!["url"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, signedUrl[..signedUrl.IndexOf('?')])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, signedUrl[..^4] + "AAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, signedUrl.Replace("expires=", "expires=9"))).StatusCode);

        // A buyer sees it once their order reveals the code, and not before.
        var buyer = await server.SignInAsync("13800000102", "买家");
        var orderId = await server.PurchaseOkAsync(buyer, listingId);
        Assert.Single((await PicturesOfAsync(server, listingId, buyer.AccessToken))["pictures"]!.AsArray());
        Assert.Empty((await server.OrderStepAsync("payOrder", buyer, orderId))["errors"]!.AsArray());
        var asBuyer = await PicturesOfAsync(server, listingId, buyer.AccessToken);
        Assert.Equal(code, asBuyer["ticketCode"]!.GetValue<string>());
        Assert.Equal(2, asBuyer["pictures"]!.AsArray().Count);
        Assert.Null(asBuyer["pictures"]![0]!["ticketCode"]);
        var opened = await GetAsync(server, asBuyer["pictures"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);

        // Stored re-encoded, with no metadata at all.
        using (var stored = Image.Load(await opened.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Null(stored.Metadata.ExifProfile);
            Assert.Null(stored.Metadata.XmpProfile);
            Assert.Null(stored.Metadata.IptcProfile);
        }

        // Signed addresses expire.
        market.Clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(server, asBuyer["pictures"]![0]!["url"]!.GetValue<string>())).StatusCode);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task The_same_code_in_another_picture_is_a_duplicate_and_codes_must_agree(DatabaseKind kind)
    {
        await using var market = await Market.StartAsync(kind);
        var server = market.Server;
        var first = await server.SignInAsync("13800000201", "甲");
        var second = await server.SignInAsync("13800000202", "乙");
        const string code = "SHOW-20270201-0042";
        var original = TestPictures.QrScreenshot(code, seed: 1);
        await server.PublishOkAsync(first, Concert(ticketCode: "", await server.UploadPictureOkAsync(first.AccessToken, original)));

        // Another seller's screenshot of the same ticket, a photo of a screen showing it, a near copy.
        foreach (var copy in new[]
                 {
                     TestPictures.QrScreenshot(code, seed: 2),
                     TestPictures.PhotoOfScreen(TestPictures.QrScreenshot(code, seed: 3), rotationDegrees: 8, noise: 0.04f, jpegQuality: 70, seed: 3),
                     TestPictures.Cropped(TestPictures.Recompressed(TestPictures.Rescaled(original, 0.7), 60), 0.03),
                 })
        {
            var pictureId = await server.UploadPictureOkAsync(second.AccessToken, copy);
            var refused = await server.PublishAsync(second, Concert(ticketCode: "", pictureId));
            Assert.Equal("DUPLICATE_TICKET_CODE", Assert.Single(refused["errors"]!.AsArray())!["code"]!.GetValue<string>());
            // The code read counts as typed, and the other way round.
            refused = await server.PublishAsync(second, Concert(ticketCode: code));
            Assert.Equal("DUPLICATE_TICKET_CODE", Assert.Single(refused["errors"]!.AsArray())!["code"]!.GetValue<string>());
        }

        // A typed code that is not the picture's, and pictures of two tickets, are refused.
        var other = await server.UploadPictureOkAsync(second.AccessToken, TestPictures.QrScreenshot("OTHER-1"));
        var mismatch = await server.PublishAsync(second, Concert(ticketCode: "OTHER-2", other));
        Assert.Equal("ticketCode", Assert.Single(mismatch["errors"]!.AsArray())!["field"]!.GetValue<string>());
        var third = await server.UploadPictureOkAsync(second.AccessToken, TestPictures.BarcodeScreenshot("OTHER-3"));
        var two = await server.PublishAsync(second, Concert(ticketCode: "", other, third));
        Assert.Equal("pictureIds", Assert.Single(two["errors"]!.AsArray())!["field"]!.GetValue<string>());
        // Typed and read agreeing is fine.
        await server.PublishOkAsync(second, Concert(ticketCode: " OTHER-1 ", other));
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_near_copy_without_a_readable_code_is_published_flagged_and_admins_settle_it(DatabaseKind kind)
    {
        await using var market = await Market.StartAsync(kind);
        var server = market.Server;
        var first = await server.SignInAsync("13800000301", "甲");
        var second = await server.SignInAsync("13800000302", "乙");
        var admin = await server.SignInAsync(AdminPhone, "Admin");
        var photo = TestPictures.Photo(seed: 9);
        var originalId = await server.UploadPictureOkAsync(first.AccessToken, photo);
        await server.PublishOkAsync(first, Concert(ticketCode: "TYPED-1", originalId));

        var copyId = await server.UploadPictureOkAsync(second.AccessToken, TestPictures.Recompressed(TestPictures.Rescaled(photo, 0.8), 60));
        var copyListing = await server.PublishOkAsync(second, Concert(ticketCode: "TYPED-2", copyId));
        // Something else entirely is not flagged.
        await server.PublishOkAsync(second, Concert(ticketCode: "TYPED-3", await server.UploadPictureOkAsync(second.AccessToken, TestPictures.Photo(seed: 10))));

        var reviews = (await server.PostAsync("{ pictureReviews { picture { id } listingId reason similarTo { id } } }", accessToken: admin.AccessToken)).Ok()["pictureReviews"]!.AsArray();
        var review = Assert.Single(reviews)!;
        Assert.Equal(copyId, review["picture"]!["id"]!.GetValue<string>());
        Assert.Equal(copyListing, review["listingId"]!.GetValue<string>());
        Assert.Equal(originalId, review["similarTo"]!["id"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await server.PostAsync("{ pictureReviews { reason } }", accessToken: second.AccessToken)).FirstErrorCode);

        var resolved = (await server.PostAsync("mutation($input: ResolvePictureReviewInput!) { resolvePictureReview(input: $input) { errors { code } } }",
            new { input = new { pictureId = copyId, withdrawListing = true } }, admin.AccessToken)).Ok()["resolvePictureReview"]!;
        Assert.Empty(resolved["errors"]!.AsArray());
        Assert.Equal("WITHDRAWN", (await server.PostAsync("query($id: ID!) { listing(id: $id) { status } }", new { id = copyListing })).Ok()["listing"]!["status"]!.GetValue<string>());
        Assert.Empty((await server.PostAsync("{ pictureReviews { reason } }", accessToken: admin.AccessToken)).Ok()["pictureReviews"]!.AsArray());
    }

    [Fact]
    public async Task Uploads_are_refused_with_clear_errors_and_ids_are_the_uploaders_own()
    {
        await using var market = await Market.StartAsync(DatabaseKind.Sqlite);
        var server = market.Server;
        var seller = await server.SignInAsync("13800000401", "甲");
        var stranger = await server.SignInAsync("13800000402", "乙");

        using (var gif = new Image<Rgba32>(20, 20))
        {
            using var output = new MemoryStream();
            gif.Save(output, new GifEncoder());
            var refused = await server.UploadPictureAsync(seller.AccessToken, output.ToArray(), "ticket.png");
            var error = Assert.Single(refused["errors"]!.AsArray())!;
            Assert.Equal(("VALIDATION_FAILED", "file"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
            Assert.Contains("JPEG", error["message"]!.GetValue<string>());
        }
        Assert.Equal("UNAUTHENTICATED", (await AnonymousUploadAsync(server)).FirstErrorCode);

        var pictureId = await server.UploadPictureOkAsync(seller.AccessToken, TestPictures.Photo(seed: 1));
        var notTheirs = await server.PublishAsync(stranger, Concert(ticketCode: "S-1", pictureId));
        Assert.Equal("pictureIds", Assert.Single(notTheirs["errors"]!.AsArray())!["field"]!.GetValue<string>());
        await server.PublishOkAsync(seller, Concert(ticketCode: "S-2", pictureId));
        var again = await server.PublishAsync(seller, Concert(ticketCode: "S-3", pictureId));
        Assert.Contains("already on a listing", Assert.Single(again["errors"]!.AsArray())!["message"]!.GetValue<string>());

        var seven = new List<string>();
        for (var i = 0; i < 7; i++)
            seven.Add(await server.UploadPictureOkAsync(seller.AccessToken, TestPictures.Photo(seed: 20 + i, width: 200, height: 150)));
        var tooMany = await server.PublishAsync(seller, Concert(ticketCode: "S-4", [.. seven]));
        Assert.Contains("at most 6", Assert.Single(tooMany["errors"]!.AsArray())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uploads_no_listing_took_are_removed_after_their_lifetime()
    {
        await using var market = await Market.StartAsync(DatabaseKind.Sqlite);
        var server = market.Server;
        var seller = await server.SignInAsync("13800000501", "甲");
        var kept = await server.UploadPictureAsync(seller.AccessToken, TestPictures.Photo(seed: 1));
        var left = await server.UploadPictureAsync(seller.AccessToken, TestPictures.Photo(seed: 2));
        await server.PublishOkAsync(seller, Concert(ticketCode: "L-1", kept["picture"]!["id"]!.GetValue<string>()));
        var files = Directory.GetFiles(Path.Combine(server.DataDirectory, "pictures"), "*", SearchOption.AllDirectories);
        Assert.Equal(4, files.Length);

        market.Clock.Advance(TimeSpan.FromHours(25));
        await server.SweepAsync();
        seller = await server.SignInAsync("13800000501");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(server.DataDirectory, "pictures"), "*", SearchOption.AllDirectories).Length);
        var published = await server.PublishAsync(seller, Concert(ticketCode: "L-2", left["picture"]!["id"]!.GetValue<string>()));
        Assert.Equal("pictureIds", Assert.Single(published["errors"]!.AsArray())!["field"]!.GetValue<string>());
    }

    private static object Concert(string ticketCode, params string[] pictureIds) => new
    {
        category = "CONCERT",
        title = "周杰伦上海演唱会",
        faceValue = "880",
        price = "880",
        ticketCode,
        city = "上海",
        venue = "梅赛德斯奔驰文化中心",
        startsAt = ListingRequests.FromNow(TimeSpan.FromDays(90)),
        pictureIds,
    };

    private static async Task<JsonNode> PicturesOfAsync(PlatformServer server, string listingId, string? accessToken = null) =>
        (await server.PostAsync(ListingPictures, new { id = listingId }, accessToken)).Ok()["listing"]!;

    private static string[] Ids(JsonNode listing) => [.. listing["pictures"]!.AsArray().Select(p => p!["id"]!.GetValue<string>())];

    private static Task<HttpResponseMessage> GetAsync(PlatformServer server, string url) =>
        server.Http.GetAsync(url, TestContext.Current.CancellationToken);

    private static async Task<GraphQLResponse> AnonymousUploadAsync(PlatformServer server)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = Infrastructure.Pictures.UploadMutation, variables = new { file = (object?)null } })), "operations" },
            { new StringContent("""{"0":["variables.file"]}"""), "map" },
            { new ByteArrayContent(TestPictures.Photo(seed: 3, width: 100, height: 100)), "0", "a.png" },
        };
        using var response = await server.Http.PostAsync(server.GraphQLEndpoint, content, TestContext.Current.CancellationToken);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>A platform on a clock the test moves, with an admin.</summary>
    private sealed record Market(PlatformServer Server, FakeTimeProvider Clock, ITestDatabase Database) : IAsyncDisposable
    {
        public static async Task<Market> StartAsync(DatabaseKind kind)
        {
            var database = await EveryDatabase.CreateAsync(kind);
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var server = await PlatformServer.StartAsync(database, new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = AdminPhone },
                configureServices: services => services.AddSingleton<TimeProvider>(clock));
            return new Market(server, clock, database);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
