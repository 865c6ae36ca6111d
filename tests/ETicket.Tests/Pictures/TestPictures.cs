using System.Numerics;
using QRCoder;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using ZXing;
using ZXing.Common;

namespace ETicket.Tests.Pictures;

/// <summary>
/// Pictures like sellers upload, made in memory: phone screenshots of e-tickets (coloured header, text-like
/// blocks, a QR code or barcode), photos of them, and near copies. Deterministic for a given seed.
/// </summary>
public static class TestPictures
{
    public const int PhoneWidth = 1080;
    public const int PhoneHeight = 2340;

    /// <summary>A phone screenshot of a ticket with a QR code of <paramref name="payload"/> (UTF-8), as PNG unless <paramref name="encoder"/> says otherwise.</summary>
    public static byte[] QrScreenshot(string payload, int seed = 1, int width = PhoneWidth, int height = PhoneHeight, IImageEncoder? encoder = null)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        using var code = new Image<Rgba32>(matrix.Count, matrix.Count, White);
        for (var y = 0; y < matrix.Count; y++)
        {
            for (var x = 0; x < matrix.Count; x++)
            {
                if (matrix[y][x])
                    code[x, y] = Black;
            }
        }
        return Encode(TicketScreen(code, seed, width, height, wide: false), encoder);
    }

    /// <summary>A phone screenshot of a ticket with a CODE_128 barcode of <paramref name="payload"/>.</summary>
    public static byte[] BarcodeScreenshot(string payload, int seed = 1, int width = PhoneWidth, int height = PhoneHeight, IImageEncoder? encoder = null) =>
        CodeScreenshot(BarcodeFormat.CODE_128, payload, seed, width, height, encoder);

    /// <summary>A phone screenshot of a ticket with a code ZXing writes (PDF_417, AZTEC, DATA_MATRIX, EAN_13...); text is UTF-8.</summary>
    public static byte[] CodeScreenshot(BarcodeFormat format, string payload, int seed = 1, int width = PhoneWidth, int height = PhoneHeight, IImageEncoder? encoder = null)
    {
        var oneDimensional = format is BarcodeFormat.CODE_128 or BarcodeFormat.CODE_39 or BarcodeFormat.EAN_13 or BarcodeFormat.EAN_8
            or BarcodeFormat.ITF or BarcodeFormat.UPC_A;
        var writer = new BarcodeWriterPixelData
        {
            Format = format,
            Options = new EncodingOptions { Width = 1, Height = 1, Margin = format == BarcodeFormat.PDF_417 ? 2 : 4, PureBarcode = true },
        };
        writer.Options.Hints[EncodeHintType.CHARACTER_SET] = "UTF-8";
        if (format == BarcodeFormat.PDF_417)
            writer.Options.Hints[EncodeHintType.PDF417_COMPACT] = false;
        // Width and height 1: ZXing draws one pixel per module, scaled below like the QR code.
        var pixels = writer.Write(payload);
        using var drawn = Image.LoadPixelData<Bgra32>(pixels.Pixels, pixels.Width, pixels.Height);
        using var code = drawn.CloneAs<Rgba32>();
        if (oneDimensional)
            code.Mutate(context => context.Resize(code.Width, Math.Max(1, code.Width / 4), KnownResamplers.NearestNeighbor));
        return Encode(TicketScreen(code, seed, width, height, wide: oneDimensional || format == BarcodeFormat.PDF_417), encoder);
    }

    /// <summary>
    /// A photo of <paramref name="picture"/> shown on a screen: on a desk, rotated by <paramref name="rotationDegrees"/>,
    /// slightly tapered and rescaled, a little blurred, brightness changed, gaussian noise of standard deviation
    /// <paramref name="noise"/> (0–255 levels), saved as JPEG at <paramref name="jpegQuality"/>.
    /// </summary>
    public static byte[] PhotoOfScreen(byte[] picture, float rotationDegrees, float noise, int jpegQuality, int seed)
    {
        var random = new Random(seed);
        using var screen = Image.Load<Rgba32>(picture);
        // Shrunk first, as the camera sees it: everything after works on the photo's own pixels.
        var scale = 0.55f + 0.3f * random.NextSingle();
        var brightness = 0.8f + 0.35f * random.NextSingle();
        screen.Mutate(context => context
            .Resize((int)(screen.Width * scale), (int)(screen.Height * scale), KnownResamplers.Bicubic)
            .Brightness(brightness)
            .Contrast(0.9f));

        var margin = screen.Width / 6;
        var desk = new Rgba32((byte)random.Next(40, 90), (byte)random.Next(40, 90), (byte)random.Next(40, 90));
        using var photo = new Image<Rgba32>(screen.Width + 2 * margin, screen.Height + 2 * margin, desk);
        photo.Mutate(context => context.DrawImage(screen, new Point(margin, margin), 1f));

        var taper = 0.9f + 0.08f * random.NextSingle();
        var side = random.Next(2) == 0 ? TaperSide.Top : TaperSide.Left;
        var transform = new ProjectiveTransformBuilder().AppendTaper(side, TaperCorner.Both, taper).AppendRotationDegrees(rotationDegrees);
        photo.Mutate(context => context
            .Transform(transform, KnownResamplers.Bicubic)
            .BackgroundColor(desk)
            .GaussianBlur(0.7f));
        AddNoise(photo, noise, random);
        return Encode(photo, new JpegEncoder { Quality = jpegQuality });
    }

    /// <summary>Two pictures side by side on white (as a long screenshot showing two tickets), as PNG.</summary>
    public static byte[] SideBySide(byte[] left, byte[] right)
    {
        using var first = Image.Load<Rgba32>(left);
        using var second = Image.Load<Rgba32>(right);
        var both = new Image<Rgba32>(first.Width + second.Width, Math.Max(first.Height, second.Height), White);
        both.Mutate(context => context.DrawImage(first, new Point(0, 0), 1f).DrawImage(second, new Point(first.Width, 0), 1f));
        return Encode(both, null);
    }

    /// <summary>A smooth colourful picture unlike a ticket (blobs on a gradient), like a photo of something else.</summary>
    public static byte[] Photo(int seed, int width = 1600, int height = 1200, IImageEncoder? encoder = null)
    {
        var random = new Random(seed);
        var blobs = Enumerable.Range(0, 8).Select(_ => (X: random.Next(width), Y: random.Next(height), R: random.Next(width / 10, width / 3),
            Colour: new Vector3(random.Next(256), random.Next(256), random.Next(256)))).ToArray();
        var top = new Vector3(random.Next(256), random.Next(256), random.Next(256));
        var bottom = new Vector3(random.Next(256), random.Next(256), random.Next(256));
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                var background = Vector3.Lerp(top, bottom, (float)y / height);
                for (var x = 0; x < width; x++)
                {
                    var colour = background;
                    foreach (var blob in blobs)
                    {
                        var d2 = (float)((x - blob.X) * (long)(x - blob.X) + (y - blob.Y) * (long)(y - blob.Y)) / (blob.R * (float)blob.R);
                        if (d2 < 1)
                            colour = Vector3.Lerp(blob.Colour, colour, d2 * d2);
                    }
                    row[x] = new Rgba32(colour / 255f);
                }
            }
        });
        return Encode(image, encoder);
    }

    /// <summary>
    /// <paramref name="picture"/> with <paramref name="fraction"/> of its width and height cut away: from the
    /// right and bottom edges when <paramref name="fromOneCorner"/>, else half from each edge.
    /// </summary>
    public static byte[] Cropped(byte[] picture, double fraction, bool fromOneCorner = false)
    {
        using var image = Image.Load<Rgba32>(picture);
        var cutX = (int)(image.Width * fraction);
        var cutY = (int)(image.Height * fraction);
        var area = fromOneCorner
            ? new Rectangle(0, 0, image.Width - cutX, image.Height - cutY)
            : new Rectangle(cutX / 2, cutY / 2, image.Width - cutX, image.Height - cutY);
        image.Mutate(context => context.Crop(area));
        return Encode(image, null);
    }

    /// <summary><paramref name="picture"/> scaled by <paramref name="scale"/> (0.5 is half as wide and tall), as PNG.</summary>
    public static byte[] Rescaled(byte[] picture, double scale)
    {
        using var image = Image.Load<Rgba32>(picture);
        image.Mutate(context => context.Resize((int)(image.Width * scale), (int)(image.Height * scale), KnownResamplers.Bicubic));
        return Encode(image, null);
    }

    /// <summary><paramref name="picture"/> saved again as JPEG at <paramref name="quality"/>.</summary>
    public static byte[] Recompressed(byte[] picture, int quality)
    {
        using var image = Image.Load<Rgba32>(picture);
        return Encode(image, new JpegEncoder { Quality = quality });
    }

    /// <summary>Encodes and disposes <paramref name="image"/>: PNG unless <paramref name="encoder"/> says otherwise.</summary>
    public static byte[] Encode(Image image, IImageEncoder? encoder)
    {
        using (image)
        {
            using var output = new MemoryStream();
            image.Save(output, encoder ?? new PngEncoder());
            return output.ToArray();
        }
    }

    private static readonly Rgba32 White = new(255, 255, 255);
    private static readonly Rgba32 Black = new(0, 0, 0);

    /// <summary>
    /// The ticket app's screen: status bar, coloured header with a title, text blocks, the code on a white card
    /// (scaled by whole pixels per module, as apps draw them), more text, a tab bar. The seed picks colours and layout.
    /// </summary>
    private static Image<Rgba32> TicketScreen(Image<Rgba32> code, int seed, int width, int height, bool wide)
    {
        var random = new Random(seed);
        var accent = new Rgba32((byte)random.Next(20, 200), (byte)random.Next(20, 200), (byte)random.Next(20, 200));
        var background = random.Next(2) == 0 ? new Rgba32(245, 245, 247) : new Rgba32(255, 255, 255);
        var ink = new Rgba32(30, 30, 35);
        var screen = new Image<Rgba32>(width, height, background);
        var unit = width / 1080f;
        int U(float value) => (int)(value * unit);

        Fill(screen, 0, 0, width, U(90), accent);
        var headerHeight = U(random.Next(180, 320));
        Fill(screen, 0, U(90), width, headerHeight, accent);
        Text(screen, U(60), U(130), U(random.Next(400, 800)), U(56), White, random);
        var y = U(90) + headerHeight + U(50);
        for (var line = random.Next(2, 6); line > 0; line--, y += U(70))
            Text(screen, U(60), y, U(random.Next(300, 900)), U(40), ink, random);

        // The card and the code on it, whole pixels per module; a barcode spans most of the width.
        var target = wide ? width - U(200) : U(random.Next(560, 720));
        var modules = Math.Max(1, target / code.Width);
        using var scaled = code.Clone(context => context.Resize(code.Width * modules, code.Height * modules, KnownResamplers.NearestNeighbor));
        var cardTop = y + U(random.Next(20, 160));
        Fill(screen, U(40), cardTop, width - U(80), scaled.Height + U(120), White);
        screen.Mutate(context => context.DrawImage(scaled, new Point((width - scaled.Width) / 2, cardTop + U(60)), 1f));

        y = cardTop + scaled.Height + U(200);
        for (var line = random.Next(3, 8); line > 0 && y < height - U(300); line--, y += U(70))
            Text(screen, U(60), y, U(random.Next(300, 900)), U(40), ink, random);
        Fill(screen, 0, height - U(160), width, U(160), new Rgba32(250, 250, 250));
        for (var tab = 0; tab < 4; tab++)
            Fill(screen, U(100 + tab * 250), height - U(120), U(70), U(70), tab == 0 ? accent : new Rgba32(160, 160, 160));
        return screen;
    }

    /// <summary>A line of glyph-like marks: each character a random 5×7 grid of strokes, words split by spaces.</summary>
    private static void Text(Image<Rgba32> image, int x, int y, int lineWidth, int lineHeight, Rgba32 colour, Random random)
    {
        var cell = Math.Max(1, lineHeight / 7);
        var glyphWidth = 5 * cell;
        for (var left = x; left + glyphWidth <= x + lineWidth; left += glyphWidth + cell)
        {
            if (random.Next(6) == 0)
            {
                left += glyphWidth;
                continue;
            }
            for (var row = 0; row < 7; row++)
            {
                for (var column = 0; column < 5; column++)
                {
                    if (random.Next(100) < 45)
                        Fill(image, left + column * cell, y + row * cell, cell, cell, colour);
                }
            }
        }
    }

    private static void Fill(Image<Rgba32> image, int x, int y, int width, int height, Rgba32 colour)
    {
        var area = Rectangle.Intersect(new Rectangle(x, y, width, height), image.Bounds());
        if (area.Width <= 0 || area.Height <= 0)
            return;
        image.ProcessPixelRows(rows =>
        {
            for (var row = area.Top; row < area.Bottom; row++)
                rows.GetRowSpan(row).Slice(area.Left, area.Width).Fill(colour);
        });
    }

    private static void AddNoise(Image<Rgba32> image, float deviation, Random random)
    {
        if (deviation <= 0)
            return;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    ref var pixel = ref row[x];
                    var (first, second) = Gaussians(random);
                    pixel.R = Clamp(pixel.R + first * deviation);
                    pixel.G = Clamp(pixel.G + second * deviation);
                    pixel.B = Clamp(pixel.B + Gaussians(random).First * deviation);
                }
            }
        });
    }

    /// <summary>Two independent standard normal samples (Box–Muller).</summary>
    private static (float First, float Second) Gaussians(Random random)
    {
        var radius = MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle()));
        var (sin, cos) = MathF.SinCos(2 * MathF.PI * random.NextSingle());
        return (radius * cos, radius * sin);
    }

    private static byte Clamp(float value) => (byte)Math.Clamp(MathF.Round(value), 0, 255);
}
