using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace ETicket.Tests.Pictures;

/// <summary>Files made to test what an upload must survive: lying headers, bombs, cut-off files, other formats, metadata to strip.</summary>
public static class CraftedPictures
{
    /// <summary>A tiny, valid PNG whose IHDR claims <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(output, "IHDR", Header(width, height, colourType: 2));
        WriteChunk(output, "IDAT", Deflate(new byte[64]));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// A valid grey PNG of <paramref name="side"/>² black pixels: 4096² (16 MB of pixels) compresses to a few
    /// kilobytes, a decompression bomb within the header limits.
    /// </summary>
    public static byte[] PngBomb(int side)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(output, "IHDR", Header(side, side, colourType: 0));
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[side + 1]; // Filter byte "none", then the pixels.
                for (var y = 0; y < side; y++)
                    zlib.Write(row);
            }
            WriteChunk(output, "IDAT", data.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A PNG with an acTL chunk: an animated PNG (APNG) to a reader that knows them.</summary>
    public static byte[] AnimatedPng()
    {
        var png = Encode(new Image<Rgba32>(16, 16), new PngEncoder());
        var control = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(control, 2); // Frames
        using var output = new MemoryStream();
        output.Write(png, 0, 8 + 25); // Signature, then IHDR (4 length + 4 type + 13 data + 4 CRC).
        WriteChunk(output, "acTL", control);
        output.Write(png, 33, png.Length - 33);
        return output.ToArray();
    }

    /// <summary>A WebP whose VP8X header says it is animated.</summary>
    public static byte[] AnimatedWebp()
    {
        var chunk = new byte[10];
        chunk[0] = 0x02; // Animation flag
        chunk[4] = 15; // Canvas width - 1 (24 bits)
        chunk[7] = 15; // Canvas height - 1
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        body.Write("VP8X"u8);
        body.Write([10, 0, 0, 0]);
        body.Write(chunk);
        body.Write("ANIM"u8);
        body.Write([6, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        var size = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, (int)body.Length);
        output.Write(size);
        body.WriteTo(output);
        return output.ToArray();
    }

    /// <summary>A small baseline JPEG whose start-of-frame was rewritten to claim <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Encode(new Image<Rgba32>(16, 16, new Rgba32(200, 100, 50)), new JpegEncoder { Quality = 90 });
        var frame = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 7), (ushort)width);
        return jpeg;
    }

    /// <summary>The first <paramref name="fraction"/> of <paramref name="file"/>, as an upload cut short.</summary>
    public static byte[] Truncated(byte[] file, double fraction) => file[..(int)(file.Length * fraction)];

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Gif() => Encode(new Image<Rgba32>(64, 64, new Rgba32(10, 200, 30)), new GifEncoder());

    public static byte[] Bmp() => Encode(new Image<Rgba32>(64, 64, new Rgba32(10, 200, 30)), new BmpEncoder());

    public static byte[] Webp(bool lossless) =>
        Encode(new Image<Rgba32>(64, 48, new Rgba32(10, 120, 230)), new WebpEncoder { FileFormat = lossless ? WebpFileFormatType.Lossless : WebpFileFormatType.Lossy });

    public static byte[] Svg() =>
        Encoding.UTF8.GetBytes("""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""");

    /// <summary>A ZIP archive with one text file.</summary>
    public static byte[] Zip()
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("payload.txt").Open());
            entry.Write("hidden payload");
        }
        return output.ToArray();
    }

    /// <summary>A JPEG with a ZIP archive appended: image viewers show the picture, unzip finds the archive.</summary>
    public static byte[] JpegZipPolyglot() =>
        [.. Encode(new Image<Rgba32>(120, 80, new Rgba32(90, 90, 200)), new JpegEncoder { Quality = 90 }), .. Zip()];

    /// <summary>The red corner of <see cref="JpegWithMetadata"/>'s stored pixels, before its orientation is applied.</summary>
    public const int MarkerSize = 40;

    /// <summary>
    /// A 400×200 JPEG as a phone camera saves it: stored sideways with EXIF orientation 6 (turn 90° clockwise to
    /// show), a GPS position, a camera make, an XMP packet and an IPTC caption. A red square marks the stored
    /// top-left corner, which shows at the top right once turned.
    /// </summary>
    public static byte[] JpegWithMetadata()
    {
        var image = new Image<Rgba32>(400, 200, new Rgba32(230, 230, 230));
        for (var y = 0; y < MarkerSize; y++)
        {
            for (var x = 0; x < MarkerSize; x++)
                image[x, y] = new Rgba32(255, 0, 0);
        }
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(13, 1), new Rational(5, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(121, 1), new Rational(28, 1), new Rational(9, 1)]);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description about="secret-location"/></rdf:RDF></x:xmpmeta>"""));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Caption, "home address");
        image.Metadata.IptcProfile = iptc;
        return Encode(image, new JpegEncoder { Quality = 90 });
    }

    private static byte[] Header(int width, int height, byte colourType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // Bit depth
        header[9] = colourType;
        return header;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: the files here are small.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder) => TestPictures.Encode(image, encoder);
}
