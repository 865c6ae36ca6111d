namespace ETicket.Domain.Pictures.Imaging;

/// <summary>The encoding of a stored picture: what to send as Content-Type, and the extension (without the dot) for a file or key.</summary>
public sealed record PictureFormat(string ContentType, string Extension)
{
    public static PictureFormat Jpeg { get; } = new("image/jpeg", "jpg");
    public static PictureFormat Png { get; } = new("image/png", "png");
    public static PictureFormat Webp { get; } = new("image/webp", "webp");
}
