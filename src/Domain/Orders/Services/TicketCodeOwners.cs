using ETicket.Domain.Listings.Services;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Orders.Services;

/// <summary>Who owns a sold ticket code: the buyer of its latest completed order.</summary>
public sealed class TicketCodeOwners(ETicketDbContext db) : ITicketCodeOwners
{
    public Task<string?> LatestBuyerAsync(string codeHash, CancellationToken cancellationToken) =>
        db.Orders
            .Where(o => o.Status == OrderStatus.Completed && db.Listings.Any(l => l.Id == o.ListingId && l.TicketCodeHash == codeHash))
            .OrderByDescending(o => o.CompletedAt)
            .Select(o => o.BuyerId)
            .FirstOrDefaultAsync(cancellationToken);
}
