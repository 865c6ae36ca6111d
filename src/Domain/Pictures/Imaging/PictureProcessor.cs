using System.Runtime.InteropServices;
using ETicket.Domain.Common;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// Turns an uploaded ticket picture into one safe to keep and show (<see cref="ProcessedPicture"/>), or refuses it
/// with a message for the seller. Each step is bounded before the next: size, format from the bytes, dimensions
/// from the header, then a decode under <see cref="PictureProcessingGate"/> with a memory limit of its own.
/// Animated pictures (APNG, animated WebP) are refused: a ticket is a still picture, and an animation could
/// show a buyer a frame other than the one whose codes were read. Thread-safe; one per process.
/// </summary>
public sealed class PictureProcessor
{
    /// <summary>The long side of <see cref="ProcessedPicture.Thumbnail"/> at most, in pixels.</summary>
    public const int ThumbnailLongSide = 320;

    /// <summary>
    /// JPEG quality of the stored picture. Measured on photos of ticket screens (PictureOutputTests): every code
    /// read from the upload reads again from the stored JPEG, at about a seventh of the size of a PNG.
    /// </summary>
    public const int JpegQuality = 85;

    private const int ThumbnailJpegQuality = 80;
    private const string Field = "file";
    private const string Accepted = "JPEG, PNG or WebP";

    private readonly PictureOptions options;
    private readonly Configuration configuration;

    public PictureProcessor(IOptions<PictureOptions> options)
        : this(options, new PictureProcessingGate(options.Value.MaxConcurrentProcessing))
    {
    }

    /// <param name="gate">Shared with whatever else must count against the same limit (tests hold it to watch callers wait).</param>
    public PictureProcessor(IOptions<PictureOptions> options, PictureProcessingGate gate)
    {
        this.options = options.Value;
        Gate = gate;
        configuration = CreateConfiguration(this.options.MaxPixels);
    }

    /// <summary>The concurrency limit decoding waits on: its counts are worth a metric.</summary>
    public PictureProcessingGate Gate { get; }

    /// <summary>Checks, decodes, cleans and re-encodes <paramref name="content"/>; a refusal is a validation error on "file".</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled, waiting or working.</exception>
    public async Task<Outcome<ProcessedPicture>> ProcessAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
            return Refused("The file is empty: upload a picture of the ticket.");
        if (content.Length > options.MaxBytes)
            return Refused($"The file is larger than {Megabytes(options.MaxBytes)} MB: upload a smaller picture, such as a screenshot of the ticket.");

        var sniffed = SniffedContent.Of(content.Span);
        if (sniffed.Format is null)
            return Refused(sniffed.Kind is null
                ? $"The file is not a picture that can be read: upload a {Accepted} picture."
                : $"The file is {sniffed.Kind}, which is not accepted: upload a {Accepted} picture.");
        if (!sniffed.Complete)
            return Refused("The picture is incomplete (the upload may have been cut short): upload it again.");
        if (sniffed.Animated)
            return Refused($"Animated pictures are not accepted: upload a still {Accepted} picture.");

        var header = Identify(content);
        if (header is null)
            return Unreadable();
        if (header.Width <= 0 || header.Height <= 0)
            return Refused("The picture has no pixels: upload another one.");
        if (header.Width > options.MaxDimension || header.Height > options.MaxDimension)
            return Refused($"The picture is {header.Width}×{header.Height} pixels; at most {options.MaxDimension} pixels wide and tall are accepted.");
        if ((long)header.Width * header.Height > options.MaxPixels)
            return Refused($"The picture is {header.Width}×{header.Height} pixels; at most {options.MaxPixels / 1_000_000.0:0.#} million pixels are accepted.");

        using (await Gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var image = Decode(content);
            if (image is null)
                return Unreadable();
            return Finish(image, sniffed, content.Length, cancellationToken);
        }
    }

    private IImageInfo? Identify(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = Open(content);
            return Image.Identify(configuration, stream);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Hostile headers make decoders throw more than their documented exceptions: any is "could not be read".
            return null;
        }
    }

    private Image<Rgba32>? Decode(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = Open(content);
            return Image.Load<Rgba32>(configuration, stream);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // ImageFormatException (incl. InvalidImageContentException), InvalidMemoryOperationException when a
            // buffer would pass the allocation limit, and whatever else a malformed file provokes.
            return null;
        }
    }

    private static ProcessedPicture Finish(Image<Rgba32> image, SniffedContent sniffed, int uploadedLength, CancellationToken cancellationToken)
    {
        image.Mutate(context => context.AutoOrient());
        StripMetadata(image);
        if (sniffed.Format != PictureFormat.Jpeg)
            FlattenTransparency(image);
        cancellationToken.ThrowIfCancellationRequested();

        // One copy of bounded size serves the hash, the first code reading and the thumbnail.
        var (width, height) = CodeScanner.Fit(image.Width, image.Height, CodeScanner.FirstLongSide);
        using var reduced = width == image.Width && height == image.Height
            ? null
            : image.Clone(context => context.Resize(width, height, KnownResamplers.Triangle));
        var working = reduced ?? image;
        var hash = PerceptualHash.Compute(working);
        var codes = CodeScanner.Scan(image, working, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var (format, encoded) = EncodePicture(image, sniffed, uploadedLength);
        var (thumbnailWidth, thumbnailHeight) = CodeScanner.Fit(image.Width, image.Height, ThumbnailLongSide);
        using var thumbnail = working.Clone(context => context.Resize(thumbnailWidth, thumbnailHeight, KnownResamplers.Bicubic));
        var thumbnailBytes = Encode(thumbnail, new JpegEncoder { Quality = ThumbnailJpegQuality });
        return new ProcessedPicture(format, image.Width, image.Height, encoded, thumbnailBytes, PictureFormat.Jpeg, hash, codes);
    }

    /// <summary>
    /// JPEG at <see cref="JpegQuality"/>, unless the upload was lossless and already smaller than that JPEG: then it
    /// is a flat screenshot, which PNG keeps smaller and exact (measured: a 1080×2340 ticket screenshot is ~16 KB as
    /// PNG, ~130 KB as JPEG, with ringing around the code's modules). The upload's size
    /// predicts the PNG's, so a photo saved as PNG is not encoded twice for nothing (PNG of a photo is slow).
    /// </summary>
    private static (PictureFormat Format, byte[] Bytes) EncodePicture(Image<Rgba32> image, SniffedContent sniffed, int uploadedLength)
    {
        var jpeg = Encode(image, new JpegEncoder { Quality = JpegQuality });
        if (!sniffed.Lossless || uploadedLength >= jpeg.Length)
            return (PictureFormat.Jpeg, jpeg);
        var png = Encode(image, new PngEncoder
        {
            ColorType = PngColorType.Rgb,
            BitDepth = PngBitDepth.Bit8,
            ChunkFilter = PngChunkFilter.ExcludeAll,
            IgnoreMetadata = true,
        });
        return png.Length < jpeg.Length ? (PictureFormat.Png, png) : (PictureFormat.Jpeg, jpeg);
    }

    /// <summary>Transparent pixels show white on a phone's screen; left as they are, they would turn black without alpha.</summary>
    private static void FlattenTransparency(Image<Rgba32> image)
    {
        var transparent = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !transparent; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.A != byte.MaxValue)
                    {
                        transparent = true;
                        break;
                    }
                }
            }
        });
        if (transparent)
            image.Mutate(context => context.BackgroundColor(Color.White));
    }

    /// <summary>
    /// Removes EXIF (GPS position, device, times), ICC, XMP and IPTC. ImageSharp 2 cannot convert colour between
    /// ICC profiles, so pixels are kept as they are: a Display P3 screenshot shows a little less saturated, which
    /// neither a buyer reading seat numbers nor a code reader notices.
    /// </summary>
    private static void StripMetadata(Image<Rgba32> image)
    {
        var metadata = image.Metadata;
        metadata.ExifProfile = null;
        metadata.IccProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }

    private static byte[] Encode(Image<Rgba32> image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    /// <summary>
    /// Only the three accepted formats, and an allocator that refuses any buffer larger than a picture of
    /// <paramref name="maxPixels"/> (a lying header or a decompression bomb then fails instead of taking memory).
    /// Its pool keeps at most one such picture between uploads.
    /// </summary>
    private static Configuration CreateConfiguration(int maxPixels)
    {
        var largestBufferMegabytes = (int)Math.Ceiling(Math.Max(1, maxPixels) * 4.0 / (1024 * 1024));
        return new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = largestBufferMegabytes,
                MaximumPoolSizeMegabytes = largestBufferMegabytes,
            }),
        };
    }

    private static MemoryStream Open(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string Megabytes(int bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static UserError Refused(string message) => UserError.Validation(Field, message);

    private static UserError Unreadable() =>
        Refused($"The picture could not be read (it may be damaged): upload a {Accepted} picture again, or a screenshot of it.");
}
