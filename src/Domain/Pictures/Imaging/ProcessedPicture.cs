namespace ETicket.Domain.Pictures.Imaging;

/// <summary>
/// An uploaded picture made safe to keep and show: upright, without any metadata, re-encoded, with a
/// thumbnail, its perceptual hash and the codes it shows.
/// </summary>
/// <param name="Format">The encoding of <paramref name="Image"/>.</param>
/// <param name="Width">Width of <paramref name="Image"/> in pixels, after the EXIF orientation was applied.</param>
/// <param name="Height">Height of <paramref name="Image"/> in pixels.</param>
/// <param name="Image">The picture to store (the uploaded bytes are never kept).</param>
/// <param name="Thumbnail">A small copy, its long side at most <see cref="PictureProcessor.ThumbnailLongSide"/> pixels.</param>
/// <param name="ThumbnailFormat">The encoding of <paramref name="Thumbnail"/>.</param>
/// <param name="PerceptualHash">Compare with <see cref="PerceptualHash.Distance"/> to find near copies of a picture.</param>
/// <param name="Codes">The distinct codes read, in no particular order; empty when none could be read.</param>
public sealed record ProcessedPicture(
    PictureFormat Format,
    int Width,
    int Height,
    ReadOnlyMemory<byte> Image,
    ReadOnlyMemory<byte> Thumbnail,
    PictureFormat ThumbnailFormat,
    ulong PerceptualHash,
    IReadOnlyList<DecodedCode> Codes);
