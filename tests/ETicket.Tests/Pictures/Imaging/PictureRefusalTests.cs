using ETicket.Domain.Pictures;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>What an upload is refused for, each with a message the seller can act on, and never an exception.</summary>
public sealed class PictureRefusalTests
{
    [Fact]
    public async Task An_empty_file_is_refused()
    {
        Assert.Equal("The file is empty: upload a picture of the ticket.", await RefusedAsync([]));
    }

    [Fact]
    public async Task A_file_over_MaxBytes_is_refused_before_anything_is_read()
    {
        var processor = Create(new PictureOptions { MaxBytes = 1024 * 1024 });
        var file = new byte[1024 * 1024 + 1];
        TestPictures.QrScreenshot("A").CopyTo(file, 0);

        Assert.Equal("The file is larger than 1 MB: upload a smaller picture, such as a screenshot of the ticket.", await RefusedAsync(file, processor));
    }

    [Theory]
    [InlineData("gif", "The file is a GIF picture, which is not accepted: upload a JPEG, PNG or WebP picture.")]
    [InlineData("bmp", "The file is a BMP picture, which is not accepted: upload a JPEG, PNG or WebP picture.")]
    [InlineData("svg", "The file is an SVG or other text document, which is not accepted: upload a JPEG, PNG or WebP picture.")]
    [InlineData("zip", "The file is a ZIP archive or an office document, which is not accepted: upload a JPEG, PNG or WebP picture.")]
    [InlineData("random", "The file is not a picture that can be read: upload a JPEG, PNG or WebP picture.")]
    public async Task Other_formats_are_refused_from_their_bytes_whatever_they_are_called(string kind, string message)
    {
        // The processor never sees a name or a declared type: a GIF sent as "ticket.png", image/png is still a GIF.
        var file = kind switch
        {
            "gif" => CraftedPictures.Gif(),
            "bmp" => CraftedPictures.Bmp(),
            "svg" => CraftedPictures.Svg(),
            "zip" => CraftedPictures.Zip(),
            _ => CraftedPictures.RandomBytes(4000, seed: 5),
        };
        Assert.Equal(message, await RefusedAsync(file));
    }

    [Fact]
    public async Task Pdf_and_heic_are_named()
    {
        Assert.Contains("a PDF document", await RefusedAsync("%PDF-1.7\n1 0 obj\n"u8.ToArray()));
        Assert.Contains("a HEIC picture", await RefusedAsync([0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0]));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task A_truncated_picture_is_refused(string format)
    {
        var whole = format switch
        {
            "png" => TestPictures.QrScreenshot("TRUNCATED"),
            "jpeg" => TestPictures.QrScreenshot("TRUNCATED", encoder: new JpegEncoder { Quality = 80 }),
            _ => TestPictures.QrScreenshot("TRUNCATED", width: 540, height: 1170, encoder: new WebpEncoder()),
        };
        await AcceptedAsync(whole);

        foreach (var fraction in new[] { 0.1, 0.5, 0.9, 0.999 })
        {
            var message = await RefusedAsync(CraftedPictures.Truncated(whole, fraction));
            Assert.True(message is "The picture is incomplete (the upload may have been cut short): upload it again."
                or "The picture could not be read (it may be damaged): upload a JPEG, PNG or WebP picture again, or a screenshot of it.", message);
        }
    }

    [Fact]
    public async Task A_png_claiming_100000_pixels_square_is_refused_from_its_header()
    {
        var file = CraftedPictures.PngClaiming(100_000, 100_000);
        Assert.True(file.Length < 200);

        Assert.Equal("The picture is 100000×100000 pixels; at most 4096 pixels wide and tall are accepted.", await RefusedAsync(file));
    }

    [Fact]
    public async Task A_jpeg_claiming_65000_pixels_square_is_refused_from_its_header()
    {
        Assert.Equal("The picture is 65000×65000 pixels; at most 4096 pixels wide and tall are accepted.",
            await RefusedAsync(CraftedPictures.JpegClaiming(65_000, 65_000)));
    }

    [Fact]
    public async Task One_pixel_over_MaxDimension_is_refused_and_MaxDimension_itself_is_accepted()
    {
        Assert.Equal("The picture is 4097×10 pixels; at most 4096 pixels wide and tall are accepted.",
            await RefusedAsync(TestPictures.Photo(seed: 1, width: 4097, height: 10)));
        Assert.Equal(4096, (await AcceptedAsync(TestPictures.Photo(seed: 1, width: 4096, height: 10))).Width);
    }

    [Fact]
    public async Task MaxPixels_bounds_the_area_within_the_dimensions()
    {
        var processor = Create(new PictureOptions { MaxPixels = 1000 * 1000 });

        Assert.Equal("The picture is 1001×1000 pixels; at most 1 million pixels are accepted.",
            await RefusedAsync(TestPictures.Photo(seed: 2, width: 1001, height: 1000), processor));
    }

    [Fact]
    public async Task A_header_with_no_pixels_is_refused()
    {
        var message = await RefusedAsync(CraftedPictures.PngClaiming(0, 10));
        Assert.True(message is "The picture has no pixels: upload another one."
            or "The picture could not be read (it may be damaged): upload a JPEG, PNG or WebP picture again, or a screenshot of it.", message);
    }

    [Fact]
    public async Task A_png_bomb_within_the_header_limits_decodes_within_its_bounds()
    {
        // 4096² grey pixels in a few kilobytes: decoded to the 64 MB the limits allow, no more.
        var bomb = CraftedPictures.PngBomb(4096);
        Assert.True(bomb.Length < 64 * 1024, $"{bomb.Length} bytes");

        var picture = await AcceptedAsync(bomb);
        Assert.Equal((4096, 4096), (picture.Width, picture.Height));
        Assert.Empty(picture.Codes);
    }

    [Fact]
    public async Task A_png_bomb_over_MaxPixels_is_refused_before_it_is_inflated()
    {
        var processor = Create(new PictureOptions { MaxPixels = 2048 * 2048 });

        Assert.Equal("The picture is 4096×4096 pixels; at most 4.2 million pixels are accepted.",
            await RefusedAsync(CraftedPictures.PngBomb(4096), processor));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Animated_pictures_are_refused(string format)
    {
        var file = format == "png" ? CraftedPictures.AnimatedPng() : CraftedPictures.AnimatedWebp();
        Assert.Equal("Animated pictures are not accepted: upload a still JPEG, PNG or WebP picture.", await RefusedAsync(file));
    }

    [Fact]
    public async Task Random_bytes_behind_a_picture_signature_are_unreadable()
    {
        byte[] fakePng = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. CraftedPictures.RandomBytes(3000, seed: 9), .. "IEND"u8];
        byte[] fakeJpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. CraftedPictures.RandomBytes(3000, seed: 10), 0xFF, 0xDA, 0, 2, 0xFF, 0xD9];
        const string unreadable = "The picture could not be read (it may be damaged): upload a JPEG, PNG or WebP picture again, or a screenshot of it.";

        Assert.Equal(unreadable, await RefusedAsync(fakePng));
        Assert.Equal(unreadable, await RefusedAsync(fakeJpeg));
    }

    [Fact]
    public async Task Every_crafted_file_ends_in_an_outcome_never_an_exception()
    {
        var seed = 100;
        foreach (var file in CraftedFiles())
        {
            var outcome = await Default.ProcessAsync(file, TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded || outcome.Errors.Count == 1);
            // A few bytes changed anywhere in a valid picture: refused or accepted, never thrown.
            var damaged = (byte[])file.Clone();
            var random = new Random(seed++);
            for (var i = 0; i < 8 && damaged.Length > 0; i++)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            outcome = await Default.ProcessAsync(damaged, TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded || outcome.Errors.Count == 1);
        }
    }

    private static IEnumerable<byte[]> CraftedFiles()
    {
        yield return CraftedPictures.PngClaiming(100_000, 100_000);
        yield return CraftedPictures.PngClaiming(300, 200);
        yield return CraftedPictures.JpegClaiming(65_000, 65_000);
        yield return CraftedPictures.JpegClaiming(3000, 3000);
        yield return CraftedPictures.AnimatedWebp();
        yield return CraftedPictures.AnimatedPng();
        yield return CraftedPictures.Webp(lossless: true);
        yield return CraftedPictures.Webp(lossless: false);
        yield return CraftedPictures.JpegZipPolyglot();
        yield return CraftedPictures.JpegWithMetadata();
        yield return CraftedPictures.Gif();
        yield return CraftedPictures.RandomBytes(100, seed: 1);
    }
}
