using ETicket.Domain.Common;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Events;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Pictures.Services;

/// <summary>
/// The administrators' queue of flagged pictures: a picture without a readable code that looks like
/// one already on the market. They keep the listing (clear the flag) or withdraw it.
/// </summary>
public sealed class PictureReviews(ETicketDbContext db, TimeProvider clock)
{
    public const int MaxListed = 100;

    /// <summary>The flagged pictures, the oldest first.</summary>
    public async Task<IReadOnlyList<TicketPicture>> ListAsync(string adminId, int first, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(adminId, "Only admins review flagged pictures.", cancellationToken);
        if (first is < 1 or > MaxListed)
            throw new BadInputException($"`first` must be from 1 to {MaxListed}.");
        return await db.TicketPictures.AsNoTracking()
            .Where(p => p.ReviewReason != null)
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
            .Take(first)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Clears the flag; with <paramref name="withdrawListing"/>, also takes its listing off the market (when it is on sale).</summary>
    public Task<Outcome<TicketPicture>> ResolveAsync(string adminId, string pictureId, bool withdrawListing, CancellationToken cancellationToken) =>
        Transactions.OnceMoreIfOvertakenAsync(() => db.InTransactionAsync(async ct =>
        {
            await db.RequireAdminAsync(adminId, "Only admins review flagged pictures.", ct);
            var picture = Ids.IsWellFormed(pictureId)
                ? await db.TicketPictures.SingleOrDefaultAsync(p => p.Id == pictureId && p.ReviewReason != null, ct)
                : null;
            if (picture is null)
                return Outcome<TicketPicture>.Failure(new UserError(UserErrorCode.NotFound, "No flagged picture has this id.", "pictureId"));
            picture.ClearReview();
            if (withdrawListing)
            {
                var listing = await db.Listings.SingleAsync(l => l.Id == picture.ListingId, ct);
                if (!listing.Withdraw())
                    return Outcome<TicketPicture>.Failure(new UserError(UserErrorCode.ListingNotAvailable,
                        $"The listing is {ContractNames.Of(listing.StatusAt(clock.Now()))}, no longer on sale; clear the flag without withdrawing.", "withdrawListing"));
                db.Enqueue(new ListingStatusChanged(listing.Id, listing.SellerId, listing.Status), clock.Now());
            }
            await db.SaveChangesAsync(ct);
            return picture;
        }, cancellationToken));
}
