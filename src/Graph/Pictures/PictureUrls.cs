using ETicket.Domain.Pictures;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Pictures;

/// <summary>
/// Makes the addresses a viewer is given: <c>/pictures/{id}</c> (and <c>/thumbnail</c>) for a listing's
/// picture that shows no code; the same with a short-lived signature for any other, which only
/// resolvers that checked the viewer may see it ask for.
/// </summary>
public sealed class PictureUrls(PictureUrlSigner signer, TimeProvider clock, IOptions<PictureOptions> options, IHttpContextAccessor http)
{
    public const string PathPrefix = "/pictures/";
    public const string ThumbnailSuffix = "/thumbnail";

    public PictureView Public(TicketPicture picture) =>
        new(picture, new PictureAddress(Url(picture.Id, PictureVariant.Image), null), new PictureAddress(Url(picture.Id, PictureVariant.Thumbnail), null));

    public PictureView Signed(TicketPicture picture)
    {
        // Rounded up to the minute, so a page asked twice within a minute gets the same addresses (and browser caching).
        var lifetime = (long)options.Value.SignedUrlLifetime.TotalSeconds;
        var expires = (clock.GetUtcNow().ToUnixTimeSeconds() + lifetime + 59) / 60 * 60;
        PictureAddress Address(PictureVariant variant) => new(
            $"{Url(picture.Id, variant)}?expires={expires}&signature={signer.Sign(picture.Id, variant, expires)}",
            DateTimeOffset.FromUnixTimeSeconds(expires));
        return new PictureView(picture, Address(PictureVariant.Image), Address(PictureVariant.Thumbnail));
    }

    /// <summary>Public when on a listing and showing no code; otherwise only through <see cref="Signed"/>.</summary>
    public PictureView For(TicketPicture picture) =>
        picture.ListingId is not null && !picture.ShowsCode ? Public(picture) : Signed(picture);

    private string Url(string pictureId, PictureVariant variant) =>
        BaseUrl() + PathPrefix + pictureId + (variant == PictureVariant.Thumbnail ? ThumbnailSuffix : "");

    private string BaseUrl()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured)
            return configured.TrimEnd('/');
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
