using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ZXing;
using ZXing.Common;

namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// Reads the QR codes and barcodes of a picture with ZXing, on grey copies of bounded size: a 4096² photo is
/// read at 1600 px first (a fraction of the time), then at other sizes only when nothing was found.
/// </summary>
internal static class CodeScanner
{
    /// <summary>The long side of the first copy read: a QR code across a fifth of it still has ~4 px per module.</summary>
    internal const int FirstLongSide = 1600;

    /// <summary>When nothing was read at first: a small code in a large photo needs more pixels.</summary>
    private const int LargerLongSide = 2400;

    /// <summary>Then a large code whose noise or moiré shrinking smooths away.</summary>
    private const int SmallerLongSide = 800;

    private static readonly BarcodeFormat[] Formats =
    [
        BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.PDF_417, BarcodeFormat.AZTEC,
        BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8,
        BarcodeFormat.ITF, BarcodeFormat.UPC_A,
    ];

    /// <summary>Tilts smaller than this are read as they are.</summary>
    private const float NegligibleSkewDegrees = 3;

    /// <param name="picture">The whole picture.</param>
    /// <param name="reduced">The same, its long side at most <see cref="FirstLongSide"/> (it may be <paramref name="picture"/>).</param>
    public static IReadOnlyList<DecodedCode> Scan(Image<Rgba32> picture, Image<Rgba32> reduced, CancellationToken cancellationToken)
    {
        using var grey = Grey(reduced, FirstLongSide);
        var found = Read(grey, thorough: true);
        if (found.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var skew = SkewEstimator.Estimate(grey);
            if (Math.Abs(skew) >= NegligibleSkewDegrees)
            {
                using var straightened = grey.Clone(context => context.Rotate(-skew, KnownResamplers.Triangle));
                found = Read(straightened, thorough: false);
            }
        }
        if (found.Count == 0 && Math.Max(picture.Width, picture.Height) > FirstLongSide + 400)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var larger = Grey(picture, LargerLongSide);
            found = Read(larger, thorough: false);
        }
        if (found.Count == 0 && Math.Max(grey.Width, grey.Height) > SmallerLongSide + 400)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var smaller = Grey(reduced, SmallerLongSide);
            found = Read(smaller, thorough: false);
        }
        return found;
    }

    private static Image<L8> Grey(Image<Rgba32> image, int longSide)
    {
        var (width, height) = Fit(image.Width, image.Height, longSide);
        if (width == image.Width && height == image.Height)
            return image.CloneAs<L8>();
        using var resized = image.Clone(context => context.Resize(width, height, KnownResamplers.Triangle));
        return resized.CloneAs<L8>();
    }

    /// <param name="thorough">
    /// Also try the picture inverted (light code on a dark screen) and turned by quarter turns. The retries skip
    /// those: each aims at another cause (tilt, size), and with them a 4096² photo without a code took seconds.
    /// </param>
    private static List<DecodedCode> Read(Image<L8> grey, bool thorough)
    {
        var luminances = new byte[grey.Width * grey.Height];
        grey.CopyPixelDataTo(luminances);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = thorough,
            Options = new DecodingOptions { TryHarder = true, TryInverted = thorough, PossibleFormats = Formats },
        };
        var results = reader.DecodeMultiple(new RGBLuminanceSource(luminances, grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8));
        var codes = new List<DecodedCode>();
        foreach (var result in results ?? [])
        {
            var code = new DecodedCode(result.Text, result.BarcodeFormat.ToString());
            if (!codes.Contains(code))
                codes.Add(code);
        }
        return codes;
    }

    internal static (int Width, int Height) Fit(int width, int height, int longSide)
    {
        if (Math.Max(width, height) <= longSide)
            return (width, height);
        var scale = (double)longSide / Math.Max(width, height);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
