using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Orders;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.DemoData.Services;

/// <summary>What the database holds after seeding, counted from the tables themselves.</summary>
/// <param name="HeldInEscrow">Money paid in and not yet paid out or refunded: the PAID and DISPUTED orders' totals.</param>
public sealed record DemoDataSummary(
    int Members,
    IReadOnlyDictionary<MembershipLevel, int> MembersByLevel,
    int Blacklisted,
    IReadOnlyList<string> AdminPhoneNumbers,
    int Listings,
    IReadOnlyDictionary<TicketCategory, int> ListingsByCategory,
    IReadOnlyDictionary<ListingStatus, int> ListingsByStatus,
    int Cities,
    int OnSaleNow,
    int Orders,
    IReadOnlyDictionary<OrderStatus, int> OrdersByStatus,
    int LedgerEntries,
    decimal HeldInEscrow)
{
    public static async Task<DemoDataSummary> ReadAsync(ETicketDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Select(m => new { m.CreditPoints, m.Blacklisted, m.IsAdmin, m.PhoneNumber }).ToListAsync(cancellationToken);
        var categories = await db.Listings.GroupBy(l => l.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var statuses = await db.Listings.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var orders = await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // In memory: SQLite sums no decimals, and there are a few entries per order.
        var ledger = await db.LedgerEntries.AsNoTracking().Select(e => new { e.From, e.To, e.Amount }).ToListAsync(cancellationToken);
        return new DemoDataSummary(
            members.Count,
            members.GroupBy(m => MembershipLevels.ForCreditPoints(m.CreditPoints)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            members.Count(m => m.Blacklisted),
            [.. members.Where(m => m.IsAdmin && m.PhoneNumber is not null).Select(m => m.PhoneNumber!).Order()],
            categories.Sum(c => c.Count),
            categories.OrderByDescending(c => c.Count).ToDictionary(c => c.Key, c => c.Count),
            statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Count),
            await db.Listings.Select(l => l.City).Distinct().CountAsync(cancellationToken),
            await db.Listings.CountAsync(l => l.Status == ListingStatus.OnSale && l.ExpiresAt > now, cancellationToken),
            orders.Sum(o => o.Count),
            orders.OrderBy(o => o.Key).ToDictionary(o => o.Key, o => o.Count),
            ledger.Count,
            ledger.Sum(e => (e.To == LedgerAccount.Escrow ? e.Amount : 0) - (e.From == LedgerAccount.Escrow ? e.Amount : 0)));
    }
}
