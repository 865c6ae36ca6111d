using System.Diagnostics;
using ZXing;
using static ETicket.Tests.Pictures.Imaging.PictureProcessing;

namespace ETicket.Tests.Pictures.Imaging;

/// <summary>
/// Photos of a phone showing the ticket, across a grid of tilts (0–20°, both ways), noise and JPEG quality: the
/// share whose code is read exactly is written to the test output and must stay at or above the floor measured
/// when the pipeline was built (20 of 20 for all but Data Matrix, 19): the floors leave a photo or two of margin.
/// </summary>
public sealed class PhotoDecodeRateTests
{
    private static readonly float[] Rotations = [0, 5, 10, 15, 20];
    private static readonly float[] NoiseLevels = [0, 12];
    private static readonly int[] Qualities = [45, 85];

    [Theory]
    [InlineData(BarcodeFormat.QR_CODE, "ETK-2026-000123-上海-5排12座", 19)]
    [InlineData(BarcodeFormat.CODE_128, "TK0012345678", 19)]
    [InlineData(BarcodeFormat.PDF_417, "ETK-2026-000123-SEAT-5-12", 18)]
    [InlineData(BarcodeFormat.AZTEC, "ETK-2026-000123-SEAT-5-12", 19)]
    [InlineData(BarcodeFormat.DATA_MATRIX, "ETK-2026-000123-SEAT-5-12", 17)]
    [InlineData(BarcodeFormat.EAN_13, "4006381333931", 19)]
    public async Task Codes_are_read_from_photos_of_screens(BarcodeFormat format, string payload, int atLeast)
    {
        var (read, total) = (0, 0);
        var missed = new List<string>();
        var elapsed = new Stopwatch();
        foreach (var rotation in Rotations)
        {
            foreach (var noise in NoiseLevels)
            {
                foreach (var quality in Qualities)
                {
                    var seed = ++total;
                    var screen = format == BarcodeFormat.QR_CODE
                        ? TestPictures.QrScreenshot(payload, seed, 720, 1560)
                        : TestPictures.CodeScreenshot(format, payload, seed, 720, 1560);
                    var tilt = seed % 2 == 0 ? rotation : -rotation;
                    var photo = TestPictures.PhotoOfScreen(screen, tilt, noise, quality, seed);

                    elapsed.Start();
                    var picture = await AcceptedAsync(photo);
                    elapsed.Stop();
                    if (picture.Codes.Any(code => code.Text == payload && code.Format == format.ToString()))
                        read++;
                    else
                        missed.Add($"{tilt}°/noise {noise}/q{quality}");
                }
            }
        }

        var rate = (double)read / total;
        Report($"{format}: {read}/{total} read ({rate:P0}), {elapsed.ElapsedMilliseconds / total} ms a photo; missed: {string.Join(", ", missed)}");
        Assert.True(read >= atLeast, $"{format}: {read} of {total} read, fewer than the {atLeast} measured");
    }
}
