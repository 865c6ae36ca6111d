using ETicket.Domain.Common;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Outbox;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Services;

/// <summary>
/// One ticket code, one seller at a time. A code cannot be listed while another listing holds it
/// (ON_SALE or RESERVED), nor once it sold, except by the buyer of its latest completed sale; a code
/// refunded once is never listed again. A withdrawn or expired listing lets its code go.
/// </summary>
/// <remarks>
/// This check answers the common case; two publishes racing past it are settled by the unique index
/// on <see cref="Listing.ActiveCodeHash"/> (see <see cref="ListingPublisher"/>).
/// </remarks>
public sealed class TicketCodeGuard(ETicketDbContext db, ITicketCodeOwners owners)
{
    public static UserError Duplicate { get; } =
        new(UserErrorCode.DuplicateTicketCode, "This ticket code is already on the market or was sold to someone else.", "ticketCode");

    public static UserError Revoked { get; } =
        new(UserErrorCode.DuplicateTicketCode, "This ticket code was refunded once and can never be sold again.", "ticketCode");

    /// <summary>
    /// null when <paramref name="sellerId"/> may list the code with this hash. Listings that hold it
    /// past their expiry are expired on the way (staged with their events; the caller saves them with
    /// its new listing), so a relist does not wait for the sweep.
    /// </summary>
    public async Task<UserError?> CheckAsync(string sellerId, string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = await db.Listings
            .Where(l => l.TicketCodeHash == codeHash
                        && (l.CodeRevoked || l.Status == ListingStatus.OnSale || l.Status == ListingStatus.Reserved || l.Status == ListingStatus.Sold))
            .ToListAsync(cancellationToken);
        if (holders.Any(l => l.CodeRevoked))
            return Revoked;
        foreach (var expired in holders.Where(l => l.Expire(now)))
            db.Enqueue(new ListingStatusChanged(expired.Id, expired.SellerId, expired.Status), now);
        if (holders.Any(l => l.Status is ListingStatus.OnSale or ListingStatus.Reserved))
            return Duplicate;
        if (holders.Any(l => l.Status == ListingStatus.Sold) && await owners.LatestBuyerAsync(codeHash, cancellationToken) != sellerId)
            return Duplicate;
        return null;
    }
}
