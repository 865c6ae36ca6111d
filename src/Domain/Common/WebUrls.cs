namespace ETicket.Domain.Common;

public static class WebUrls
{
    public const int MaxLength = 2048;

    /// <summary>An absolute http(s) address of reasonable length (images, avatars).</summary>
    public static bool IsValid(string url) =>
        url.Length <= MaxLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
