using System.Net;
using ETicket.Tests.Infrastructure;

namespace ETicket.Tests.Pictures;

/// <summary>The platform with its pictures in S3 (s3rver here): uploaded, read, published and served as on the data directory.</summary>
public sealed class S3PicturePlatformTests
{
    [Fact]
    public async Task Pictures_kept_in_S3_are_uploaded_published_and_served()
    {
        var s3 = TestS3.OptionsOrSkip();
        await TestS3.EnsureBucketAsync(s3);
        await using var server = await PlatformServer.StartAsync(new Dictionary<string, string?>
        {
            ["ETicket:Pictures:Storage"] = "S3",
            ["ETicket:Pictures:S3:ServiceUrl"] = s3.ServiceUrl,
            ["ETicket:Pictures:S3:Region"] = s3.Region,
            ["ETicket:Pictures:S3:Bucket"] = s3.Bucket,
            ["ETicket:Pictures:S3:KeyPrefix"] = $"platform-{Guid.NewGuid():N}/",
            ["ETicket:Pictures:S3:AccessKey"] = s3.AccessKey,
            ["ETicket:Pictures:S3:SecretKey"] = s3.SecretKey,
        });
        var seller = await server.SignInAsync("13800000601", "卖家");
        const string code = "S3-TICKET-0001";

        var uploaded = await server.UploadPictureAsync(seller.AccessToken, TestPictures.QrScreenshot(code));
        Assert.Empty(uploaded["errors"]!.AsArray());
        Assert.Equal(code, uploaded["picture"]!["ticketCode"]!.GetValue<string>());
        var listingId = await server.PublishOkAsync(seller, new
        {
            category = "CONCERT", title = "周杰伦上海演唱会", faceValue = "880", price = "880", ticketCode = "",
            city = "上海", venue = "梅赛德斯奔驰文化中心", startsAt = ListingRequests.FromNow(TimeSpan.FromDays(90)),
            pictureIds = new[] { uploaded["picture"]!["id"]!.GetValue<string>() },
        });

        var listing = (await server.PostAsync("query($id: ID!) { listing(id: $id) { ticketCode pictures { url thumbnailUrl } } }",
            new { id = listingId }, seller.AccessToken)).Ok()["listing"]!;
        Assert.Equal(code, listing["ticketCode"]!.GetValue<string>());
        var picture = listing["pictures"]![0]!;
        foreach (var url in new[] { picture["url"]!.GetValue<string>(), picture["thumbnailUrl"]!.GetValue<string>() })
        {
            using var response = await server.Http.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
        // Nothing of it under the data directory: the bytes live in the bucket.
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "pictures")) &&
                     Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "pictures"), "*", SearchOption.AllDirectories).Any());
    }
}
