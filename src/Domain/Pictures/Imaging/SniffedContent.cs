using System.Buffers.Binary;

namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// What a file is, from its first bytes (never its name or declared type), and whether its structure is
/// whole: decoders fill a cut-off picture with grey rather than fail, so an incomplete upload is caught here.
/// </summary>
/// <param name="Format">The accepted format it is, or null.</param>
/// <param name="Kind">What it is, for the seller: "a GIF picture", "a PDF document"...; null when unknown.</param>
/// <param name="Complete">Its structure ends as it should (JPEG: an end marker after the last scan; PNG: IEND; WebP: the RIFF length).</param>
/// <param name="Animated">An animated PNG or WebP.</param>
/// <param name="Lossless">A PNG or a lossless WebP: pixels exactly as drawn, as a screenshot usually is.</param>
internal sealed record SniffedContent(PictureFormat? Format, string? Kind, bool Complete, bool Animated, bool Lossless = false)
{
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> JpegStartOfScan => [0xFF, 0xDA];
    private static ReadOnlySpan<byte> JpegEndOfImage => [0xFF, 0xD9];
    private static ReadOnlySpan<byte> PngStart => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> IconStart => [0x00, 0x00, 0x01, 0x00];

    /// <summary>A UTF-8 byte order mark and white space, before the first character of a text file.</summary>
    private static ReadOnlySpan<byte> TextLeadingBytes => [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0D, 0x0A];

    public static SniffedContent Of(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(JpegStart))
            return new(PictureFormat.Jpeg, "a JPEG picture", JpegComplete(content), Animated: false);
        if (content.StartsWith(PngStart))
            return new(PictureFormat.Png, "a PNG picture", content.LastIndexOf("IEND"u8) >= 0, PngAnimated(content), Lossless: true);
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
            return new(PictureFormat.Webp, "a WebP picture", WebpComplete(content), WebpAnimated(content), Lossless: content.IndexOf("VP8L"u8) >= 0);
        return new(null, OtherKind(content), Complete: false, Animated: false);
    }

    private static bool JpegComplete(ReadOnlySpan<byte> content)
    {
        // Entropy-coded data escapes 0xFF, so an end-of-image marker after the last start-of-scan ends the picture
        // (an EXIF thumbnail's own markers come before the main picture's scans).
        var lastScan = content.LastIndexOf(JpegStartOfScan);
        return lastScan >= 0 && content[lastScan..].IndexOf(JpegEndOfImage) >= 0;
    }

    private static bool PngAnimated(ReadOnlySpan<byte> content)
    {
        // APNG announces itself with an acTL chunk before the first IDAT.
        var firstData = content.IndexOf("IDAT"u8);
        var header = firstData >= 0 ? content[..firstData] : content;
        return header.IndexOf("acTL"u8) >= 0;
    }

    private static bool WebpComplete(ReadOnlySpan<byte> content)
    {
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(content[4..8]);
        return declared >= 4 && 8L + declared <= content.Length;
    }

    private static bool WebpAnimated(ReadOnlySpan<byte> content) =>
        content.Length >= 21 && content[12..16].SequenceEqual("VP8X"u8) && (content[20] & 0x02) != 0;

    private static string? OtherKind(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("GIF8"u8))
            return "a GIF picture";
        if (content.StartsWith("BM"u8))
            return "a BMP picture";
        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
            return "a TIFF picture";
        if (content.StartsWith(IconStart))
            return "an icon";
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
            return content[8..12].SequenceEqual("avif"u8) ? "an AVIF picture" : "a HEIC picture or a video";
        if (content.StartsWith("%PDF"u8))
            return "a PDF document";
        if (content.StartsWith("PK\u0003\u0004"u8))
            return "a ZIP archive or an office document";
        var text = content.TrimStart(TextLeadingBytes);
        if (text.StartsWith("<"u8))
            return "an SVG or other text document";
        return null;
    }
}
