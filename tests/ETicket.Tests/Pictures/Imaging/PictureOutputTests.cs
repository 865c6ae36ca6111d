using ETicket.Domain.Pictures.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using ZXing;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>
/// What is stored: always re-encoded; a flat screenshot uploaded lossless stays PNG (smaller and exact), anything
/// else becomes JPEG at quality 85; the thumbnail is a JPEG within its bound; codes read from the stored picture
/// as from the upload.
/// </summary>
public sealed class PictureOutputTests
{
    [Fact]
    public async Task A_png_screenshot_is_stored_as_a_new_png_smaller_than_its_jpeg()
    {
        var upload = TestPictures.QrScreenshot("ETK-OUTPUT-1");

        var picture = await AcceptedAsync(upload);

        Assert.Equal(PictureFormat.Png, picture.Format);
        Assert.Equal(("image/png", "png"), (picture.Format.ContentType, picture.Format.Extension));
        Assert.False(picture.Image.Span.SequenceEqual(upload));
        var asJpeg = TestPictures.Recompressed(upload, PictureProcessor.JpegQuality);
        Report($"screenshot 1080×2340: upload PNG {upload.Length} B, stored PNG {picture.Image.Length} B, as JPEG q85 {asJpeg.Length} B");
        Assert.True(picture.Image.Length < asJpeg.Length);
        Assert.Equal(Image.DetectFormat(picture.Image.Span), PngFormat.Instance);
    }

    [Fact]
    public async Task A_photo_is_stored_as_a_new_jpeg()
    {
        var upload = TestPictures.PhotoOfScreen(TestPictures.QrScreenshot("ETK-OUTPUT-2"), 8, 6, 95, seed: 3);

        var picture = await AcceptedAsync(upload);

        Assert.Equal(PictureFormat.Jpeg, picture.Format);
        Assert.Equal(("image/jpeg", "jpg"), (picture.Format.ContentType, picture.Format.Extension));
        Assert.Equal(Image.DetectFormat(picture.Image.Span), JpegFormat.Instance);
        Assert.False(picture.Image.Span.SequenceEqual(upload));
        Assert.True(picture.Image.Length < upload.Length, "quality 85 is smaller than the uploaded quality 95");
    }

    [Fact]
    public async Task A_photo_uploaded_as_png_is_stored_as_jpeg()
    {
        var upload = TestPictures.Photo(seed: 4);

        var picture = await AcceptedAsync(upload);

        Assert.Equal(PictureFormat.Jpeg, picture.Format);
        Report($"photo 1600×1200: upload PNG {upload.Length} B, stored JPEG {picture.Image.Length} B");
        Assert.True(picture.Image.Length * 3 < upload.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Webp_is_accepted(bool lossless)
    {
        var upload = TestPictures.QrScreenshot("ETK-WEBP", width: 540, height: 1170, encoder: new WebpEncoder
        {
            FileFormat = lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy,
            Quality = 90,
        });

        var picture = await AcceptedAsync(upload);

        Assert.Equal((540, 1170), (picture.Width, picture.Height));
        Assert.Equal(new DecodedCode("ETK-WEBP", "QR_CODE"), Assert.Single(picture.Codes));
    }

    [Theory]
    [InlineData(1080, 2340)]
    [InlineData(4096, 1000)]
    [InlineData(200, 100)]
    public async Task The_thumbnail_is_a_jpeg_within_its_bound_and_never_enlarged(int width, int height)
    {
        var picture = await AcceptedAsync(TestPictures.Photo(seed: 5, width, height));

        Assert.Equal(PictureFormat.Jpeg, picture.ThumbnailFormat);
        var thumbnail = Image.Identify(picture.Thumbnail.ToArray());
        var expectedLong = Math.Min(PictureProcessor.ThumbnailLongSide, Math.Max(width, height));
        Assert.Equal(expectedLong, Math.Max(thumbnail.Width, thumbnail.Height));
        Assert.Equal(width >= height, thumbnail.Width >= thumbnail.Height);
    }

    [Fact]
    public async Task A_transparent_screenshot_is_put_on_white()
    {
        // A QR code drawn on a transparent background: dropping the alpha would leave it black on black.
        using var image = Image.Load<Rgba32>(TestPictures.QrScreenshot("ETK-TRANSPARENT", width: 540, height: 1170));
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                    pixel = pixel.R > 128 ? new Rgba32(0, 0, 0, 0) : pixel;
            }
        });

        var picture = await AcceptedAsync(TestPictures.Encode(image.Clone(), new PngEncoder()));

        Assert.Equal("ETK-TRANSPARENT", Assert.Single(picture.Codes).Text);
        using var stored = Image.Load<Rgba32>(picture.Image.Span);
        Assert.Equal(new Rgba32(255, 255, 255), stored[2, stored.Height / 2]); // Was transparent
    }

    [Fact]
    public async Task Codes_read_from_the_stored_picture_as_from_the_upload()
    {
        // The measurement behind JPEG at quality 85: photos re-encoded lose no code that the upload had.
        var (read, total, jpegBytes, pngBytes) = (0, 0, 0L, 0L);
        foreach (var (format, payload) in new[] { (BarcodeFormat.QR_CODE, "ETK-STORED-票-1"), (BarcodeFormat.CODE_128, "TK0099887766"), (BarcodeFormat.PDF_417, "ETK-STORED-PDF417-2") })
        {
            for (var seed = 1; seed <= 3; seed++)
            {
                var screen = format == BarcodeFormat.QR_CODE
                    ? TestPictures.QrScreenshot(payload, seed, 720, 1560)
                    : TestPictures.CodeScreenshot(format, payload, seed, 720, 1560);
                var upload = TestPictures.PhotoOfScreen(screen, rotationDegrees: 4 * seed, noise: 6, jpegQuality: 80, seed);
                var first = await AcceptedAsync(upload);
                Assert.Contains(first.Codes, code => code.Text == payload);

                var again = await AcceptedAsync(first.Image.ToArray());
                total++;
                read += again.Codes.Any(code => code.Text == payload) ? 1 : 0;
                jpegBytes += first.Image.Length;
                using var decoded = Image.Load<Rgba32>(first.Image.Span);
                pngBytes += TestPictures.Encode(decoded.Clone(), new PngEncoder()).Length;
            }
        }
        Report($"photos of screens: codes read again from the stored JPEG q85 {read}/{total}; JPEG {jpegBytes / total} B, PNG would be {pngBytes / total} B on average");
        Assert.Equal(total, read);
        Assert.True(jpegBytes * 2 < pngBytes);
    }
}
