using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Pictures.Services;

/// <summary>
/// The pictures a seller publishes a listing with: theirs, waiting for a listing, agreeing on one
/// ticket code, which becomes the listing's code when none was typed.
/// </summary>
public sealed class ListingPictures(ETicketDbContext db, TicketCodeVault vault, SimilarPictures similar, IOptions<PictureOptions> options)
{
    public const string SimilarPictureReason = "SIMILAR_PICTURE";

    /// <summary>
    /// Loads and checks the pictures (tracked, to be attached with <see cref="AttachAsync"/>), and the
    /// ticket code the listing takes: the typed one, or the one read from them.
    /// </summary>
    public async Task<Outcome<PicturesForListing>> PrepareAsync(string sellerId, IReadOnlyList<string>? pictureIds, string typedCode, CancellationToken cancellationToken)
    {
        var ids = pictureIds ?? [];
        var max = options.Value.MaxPerListing;
        if (ids.Count > max)
            return UserError.Validation("pictureIds", $"A listing has at most {max} uploaded pictures.");
        if (ids.Distinct().Count() != ids.Count)
            return UserError.Validation("pictureIds", "A picture is given more than once.");
        if (ids.Any(id => !Ids.IsWellFormed(id)))
            return UserError.Validation("pictureIds", "A picture id is the `id` uploadTicketPicture answered.");
        var found = ids.Count == 0 ? [] : await db.TicketPictures.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var pictures = ids.Select(id => found.SingleOrDefault(p => p.Id == id)).ToList();
        // Someone else's upload is answered like a missing one: ids say nothing about whose they are.
        if (pictures.Any(p => p is null || p.UploaderId != sellerId))
            return UserError.Validation("pictureIds", "A picture was not found: upload it again (uploads not put on a listing are removed after a while).");
        if (pictures.Any(p => p!.ListingId is not null))
            return UserError.Validation("pictureIds", "A picture is already on a listing; upload it again for another one.");

        var codes = pictures.Where(p => p!.ShowsCode).Select(p => p!).ToList();
        if (codes.Select(p => p.CodeHash).Distinct().Count() > 1)
            return UserError.Validation("pictureIds", "The pictures show different ticket codes; a listing is one ticket.");
        var typed = TicketCodeVault.Normalize(typedCode);
        if (codes.Count > 0 && typed.Length > 0 && vault.Hash(typed) != codes[0].CodeHash)
            return UserError.Validation("ticketCode", "The ticket code you typed is not the one read from your picture; check it, or leave it empty to use the picture's.");
        var code = typed.Length > 0 ? typed : codes.Count > 0 ? codes[0].RevealCode(vault)! : "";
        return new PicturesForListing(pictures.Select(p => p!).ToList(), code);
    }

    /// <summary>
    /// Puts the pictures on the new listing (saved by the caller with it). A picture without a readable
    /// code that looks like one already on the market is flagged for review, not silently accepted.
    /// </summary>
    public async Task AttachAsync(PicturesForListing pictures, Listing listing, CancellationToken cancellationToken)
    {
        for (var position = 0; position < pictures.Pictures.Count; position++)
        {
            var picture = pictures.Pictures[position];
            picture.AttachTo(listing.Id, position);
            if (!picture.ShowsCode && await similar.FindAsync(picture, listing.SellerId, cancellationToken) is { } original)
                picture.FlagForReview(SimilarPictureReason, original.Id);
        }
    }
}
