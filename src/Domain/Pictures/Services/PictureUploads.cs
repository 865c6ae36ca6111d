using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using ETicket.Domain.Pictures.Imaging;
using ETicket.Domain.Pictures.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Pictures.Services;

/// <summary>Takes a seller's picture of their ticket: checked, re-encoded, its code read, stored, waiting for a listing.</summary>
public sealed class PictureUploads(
    ETicketDbContext db,
    PictureProcessor processor,
    IPictureStore store,
    TicketCodeVault vault,
    MemberStanding standing,
    TimeProvider clock,
    IOptions<PictureOptions> options)
{
    public async Task<Outcome<TicketPicture>> UploadAsync(string uploaderId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (await standing.CheckMayTradeAsync(uploaderId, cancellationToken) is { } barred)
            return barred;
        var now = clock.Now();
        var settings = options.Value;
        // Uploads no listing took are deleted after their lifetime; until then each member keeps a bounded number.
        var waiting = await db.TicketPictures.CountAsync(p => p.UploaderId == uploaderId && p.ListingId == null, cancellationToken);
        if (waiting >= settings.MaxWaitingUploads)
            return UserError.Validation("file",
                $"You have {waiting} pictures not yet on a listing; publish them, or wait until they are removed {settings.UploadLifetime.TotalHours:0} hours after upload.");

        var processed = await processor.ProcessAsync(content, cancellationToken);
        if (processed.Value is not { } picture)
            return Outcome<TicketPicture>.Failure(processed.Errors);

        var code = picture.Codes.Count > 0 ? new ReadCode(picture.Codes[0].Text, picture.Codes[0].Format) : null;
        if (code is not null && TicketCodeVault.Normalize(code.Text).Length is 0 or > PublishListingRules.TicketCodeMaxLength)
            code = null;
        var uploaded = TicketPicture.Upload(uploaderId,
            new PictureFile(picture.Image, picture.Format.ContentType), new PictureFile(picture.Thumbnail, picture.ThumbnailFormat.ContentType),
            picture.Width, picture.Height, picture.PerceptualHash, code, vault, now);

        // Files first: a row never points at a picture that is not there. A row that fails to save leaves
        // its files behind, which nothing addresses; they are removed here when possible.
        await store.PutAsync(uploaded.ImageKey, picture.Image, picture.Format.ContentType, cancellationToken);
        await store.PutAsync(uploaded.ThumbnailKey, picture.Thumbnail, picture.ThumbnailFormat.ContentType, cancellationToken);
        db.TicketPictures.Add(uploaded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await PictureFiles.DeleteQuietlyAsync(store, uploaded);
            throw;
        }
        return uploaded;
    }
}
