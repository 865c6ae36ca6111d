using ETicket.Domain.Pictures.Storage;

namespace ETicket.Domain.Pictures;

/// <summary>Settings under <c>ETicket:Pictures</c>: what an uploaded ticket picture may be, and where it is kept.</summary>
public sealed class PictureOptions
{
    public const string Section = "ETicket:Pictures";

    /// <summary>The largest file accepted, in bytes.</summary>
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The widest and tallest picture accepted, in pixels (read from the header before anything is decoded).</summary>
    public int MaxDimension { get; set; } = 4096;

    /// <summary>
    /// The most pixels (width × height) accepted, read from the header with the dimensions. A decoded picture takes
    /// 4 bytes a pixel: the default, 4096², is 64 MB, and it bounds the decoder's largest buffer too.
    /// </summary>
    public int MaxPixels { get; set; } = 4096 * 4096;

    /// <summary>How many uploaded pictures one listing may have.</summary>
    public int MaxPerListing { get; set; } = 6;

    /// <summary>
    /// How many pictures are decoded at once in this process; the rest wait. Each takes up to ~200 MB while it is
    /// processed (a 4096² photo: 64 MB of pixels, then the copies its codes are read from and its encodings).
    /// </summary>
    public int MaxConcurrentProcessing { get; set; } = 2;

    /// <summary>How many uploaded pictures one member may have waiting for a listing.</summary>
    public int MaxWaitingUploads { get; set; } = 30;

    /// <summary>
    /// The public address of the API (e.g. https://api.example.com) picture addresses start with; when
    /// empty, the address the request came to. Set it behind a gateway or proxy that does not pass its own.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long an uploaded picture waits to be put on a listing before it is deleted.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a signed address of a picture that shows a ticket code stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the pictures are stored.</summary>
    public PictureStorageKind Storage { get; set; } = PictureStorageKind.DataDirectory;
}
