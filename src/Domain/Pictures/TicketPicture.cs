using System.Security.Cryptography;
using ETicket.Domain.Common;

namespace ETicket.Domain.Pictures;

/// <summary>
/// A picture a seller uploaded of their ticket: stored re-encoded without metadata, with a thumbnail,
/// the code read from it (sealed like a typed code) and its perceptual hash. It waits for a listing
/// after upload, and belongs to one from its publish on.
/// </summary>
public sealed class TicketPicture : IEntity
{
    private TicketPicture() { }

    /// <summary>128 random bits in hex: the upload id and the address, which says nothing of who or when.</summary>
    public string Id { get; private set; } = "";

    public string UploaderId { get; private set; } = "";

    /// <summary>The listing the picture shows; null until it is published with one.</summary>
    public string? ListingId { get; private set; }

    /// <summary>Its place among the listing's pictures.</summary>
    public int Position { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string ContentType { get; private set; } = "";
    public string ThumbnailContentType { get; private set; } = "";
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>A 64-bit DCT hash of how the picture looks (stored as its signed bits); near copies differ in few bits.</summary>
    public long PerceptualHash { get; private set; }

    /// <summary>The hash's four 16-bit bands, indexed, so near copies are found without reading every hash (see <see cref="PerceptualHashBands"/>).</summary>
    public int HashBand0 { get; private set; }
    public int HashBand1 { get; private set; }
    public int HashBand2 { get; private set; }
    public int HashBand3 { get; private set; }

    /// <summary>Keyed hash of the code read from the picture (as <see cref="Listings.Listing.TicketCodeHash"/>), null when none was read.</summary>
    public string? CodeHash { get; private set; }

    /// <summary>The code read from it, encrypted with the ticket codes' key and bound to this row.</summary>
    public byte[]? SealedCode { get; private set; }

    /// <summary>The symbology the code was read in (QR_CODE, CODE_128...).</summary>
    public string? CodeFormat { get; private set; }

    /// <summary>Why an administrator should look at it (a near copy of another seller's picture without a readable code), else null.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>The picture this one looks like, when <see cref="ReviewReason"/> says so.</summary>
    public string? SimilarToPictureId { get; private set; }

    /// <summary>A picture that shows a ticket code is as secret as the code.</summary>
    public bool ShowsCode => CodeHash is not null;

    public string ImageKey => Id + Extension(ContentType);
    public string ThumbnailKey => Id + "-thumb" + Extension(ThumbnailContentType);

    public static TicketPicture Upload(string uploaderId, PictureFile image, PictureFile thumbnail, int width, int height,
        ulong perceptualHash, ReadCode? code, Listings.TicketCodeVault vault, DateTimeOffset now)
    {
        var picture = new TicketPicture
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UploaderId = uploaderId,
            UploadedAt = now,
            ContentType = image.ContentType,
            ThumbnailContentType = thumbnail.ContentType,
            Width = width,
            Height = height,
            PerceptualHash = unchecked((long)perceptualHash),
            HashBand0 = PerceptualHashBands.Band(perceptualHash, 0),
            HashBand1 = PerceptualHashBands.Band(perceptualHash, 1),
            HashBand2 = PerceptualHashBands.Band(perceptualHash, 2),
            HashBand3 = PerceptualHashBands.Band(perceptualHash, 3),
        };
        if (code is not null)
        {
            picture.CodeHash = vault.Hash(code.Text);
            picture.SealedCode = vault.Encrypt(code.Text, associatedId: picture.Id);
            picture.CodeFormat = code.Format;
        }
        return picture;
    }

    public string? RevealCode(Listings.TicketCodeVault vault) => SealedCode is null ? null : vault.Decrypt(SealedCode, associatedId: Id);

    /// <summary>Puts the picture on the listing being published; false when it is already on one.</summary>
    public bool AttachTo(string listingId, int position)
    {
        if (ListingId is not null)
            return false;
        (ListingId, Position) = (listingId, position);
        return true;
    }

    public void FlagForReview(string reason, string similarToPictureId) => (ReviewReason, SimilarToPictureId) = (reason, similarToPictureId);

    public void ClearReview() => (ReviewReason, SimilarToPictureId) = (null, null);

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => throw new InvalidOperationException($"No stored picture is {contentType}."),
    };
}
