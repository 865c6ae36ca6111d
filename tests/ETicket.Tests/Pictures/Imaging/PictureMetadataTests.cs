using System.Text;
using ETicket.Domain.Pictures.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>Nothing of the upload's metadata reaches the stored picture or its thumbnail; the orientation is applied first.</summary>
public sealed class PictureMetadataTests
{
    [Fact]
    public async Task Exif_with_gps_is_applied_then_removed_with_all_other_metadata()
    {
        var upload = CraftedPictures.JpegWithMetadata();
        Assert.Contains("PhoneMaker", Encoding.Latin1.GetString(upload));

        var picture = await AcceptedAsync(upload);

        // Orientation 6 turned the 400×200 stored pixels upright: the red stored top-left corner is now top right.
        Assert.Equal((200, 400), (picture.Width, picture.Height));
        using var image = Image.Load<Rgba32>(picture.Image.Span);
        Assert.Equal((200, 400), (image.Width, image.Height));
        Assert.True(IsRed(image[image.Width - CraftedPictures.MarkerSize / 2, CraftedPictures.MarkerSize / 2]));
        Assert.False(IsRed(image[CraftedPictures.MarkerSize / 2, CraftedPictures.MarkerSize / 2]));

        AssertNoMetadata(picture.Image);
        AssertNoMetadata(picture.Thumbnail);
    }

    [Fact]
    public async Task Png_text_chunks_and_exif_are_removed()
    {
        using var image = Image.Load<Rgba32>(TestPictures.QrScreenshot("PNG-METADATA"));
        image.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", "taken at home, 31.2N 121.4E", "", ""));
        image.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
        image.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Software, "PhoneMaker OS");
        var upload = TestPictures.Encode(image.Clone(), new PngEncoder());
        Assert.Contains("taken at home", Encoding.Latin1.GetString(upload));

        var picture = await AcceptedAsync(upload);

        Assert.Equal(PictureFormat.Png, picture.Format);
        AssertNoMetadata(picture.Image);
        Assert.DoesNotContain("taken at home", Encoding.Latin1.GetString(picture.Image.Span));
    }

    [Fact]
    public async Task A_zip_appended_to_a_jpeg_is_not_kept()
    {
        var polyglot = CraftedPictures.JpegZipPolyglot();

        var picture = await AcceptedAsync(polyglot);

        Assert.Equal(-1, picture.Image.Span.IndexOf("PK\u0003\u0004"u8));
        Assert.DoesNotContain("hidden payload", Encoding.Latin1.GetString(picture.Image.Span));
    }

    private static void AssertNoMetadata(ReadOnlyMemory<byte> file)
    {
        var info = Image.Identify(file.ToArray());
        Assert.Null(info.Metadata.ExifProfile);
        Assert.Null(info.Metadata.IccProfile);
        Assert.Null(info.Metadata.XmpProfile);
        Assert.Null(info.Metadata.IptcProfile);
        // And in the bytes, whatever a decoder would show: EXIF, GPS, XMP, IPTC (Photoshop APP13), ICC, text.
        var text = Encoding.Latin1.GetString(file.Span);
        foreach (var trace in new[] { "Exif", "GPS", "PhoneMaker", "xmpmeta", "secret-location", "Photoshop", "home address", "ICC_PROFILE", "tEXt", "iTXt", "zTXt", "eXIf" })
            Assert.DoesNotContain(trace, text);
    }

    private static bool IsRed(Rgba32 pixel) => pixel.R > 200 && pixel.G < 60 && pixel.B < 60;
}
