using ETicket.Domain.Common;
using ETicket.Domain.Pictures.Storage;

namespace ETicket.Domain.Pictures.Services;

/// <summary>
/// Opens a picture for its address: a listing's picture that shows no code is public; any other (one
/// that shows a code, an upload not yet on a listing) only through an unexpired signed address, which
/// the API hands out only to who may see it.
/// </summary>
public sealed class PictureAccess(PictureReader pictures, IPictureStore store, PictureUrlSigner signer, TimeProvider clock)
{
    /// <summary>The picture's bytes, or null when the address is unknown, expired or not signed as it must be (all answered alike).</summary>
    public async Task<PictureDelivery?> OpenAsync(string pictureId, PictureVariant variant, long? expires, string? signature, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(pictureId))
            return null;
        var picture = await pictures.FindAsync(pictureId, cancellationToken);
        if (picture is null)
            return null;
        var isPublic = picture.ListingId is not null && !picture.ShowsCode;
        if (!isPublic && (expires is not { } until || until <= clock.GetUtcNow().ToUnixTimeSeconds() || !signer.IsValid(pictureId, variant, until, signature)))
            return null;
        var (key, contentType) = variant == PictureVariant.Thumbnail
            ? (picture.ThumbnailKey, picture.ThumbnailContentType)
            : (picture.ImageKey, picture.ContentType);
        var content = await store.OpenReadAsync(key, cancellationToken);
        return content is null ? null : new PictureDelivery(content, contentType, isPublic);
    }
}
