using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

/// <summary>
/// Who may read a listing's ticket code: its seller, and the buyer of an order on it that reveals the
/// code (<see cref="Order.RevealsCodeToBuyer"/>: PAID, DISPUTED or COMPLETED). Used for
/// <c>Listing.ticketCode</c> and <c>Order.ticketCode</c>.
/// </summary>
/// <remarks>
/// Scoped to a request: the listings the viewer bought load once, on the first question, so a page of
/// listings costs one query however long it is.
/// </remarks>
public sealed class TicketCodeAccess(ETicketDbContext db)
{
    private (string ViewerId, HashSet<string> ListingIds)? _bought;

    public async Task<bool> MaySeeAsync(string? viewerId, string listingId, string sellerId, CancellationToken cancellationToken)
    {
        if (viewerId is null)
            return false;
        if (viewerId == sellerId)
            return true;
        if (_bought?.ViewerId != viewerId)
            _bought = (viewerId, await ListingsRevealedToAsync(viewerId, cancellationToken));
        return _bought.Value.ListingIds.Contains(listingId);
    }

    private async Task<HashSet<string>> ListingsRevealedToAsync(string buyerId, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().Where(o => o.BuyerId == buyerId).ToListAsync(cancellationToken);
        return orders.Where(o => o.RevealsCodeToBuyer).Select(o => o.ListingId).ToHashSet();
    }
}
