using ETicket.Domain.Common;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using ETicket.Domain.Listings.Querying;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.QueryEngine;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Services;

/// <summary>Reads listings for the market and for a member's shop, newest first, by keyset paging.</summary>
public sealed class ListingReader(ETicketDbContext db, TimeProvider clock, CompiledShapes<ETicketDbContext, Listing> shapes)
{
    public Task<Listing?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    /// <summary>The description and encrypted code of listings, which list queries leave out.</summary>
    public async Task<IReadOnlyDictionary<string, ListingText>> FindTextsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Set<ListingText>().AsNoTracking().Where(t => ids.Contains(t.ListingId)).ToDictionaryAsync(t => t.ListingId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Listing>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);

    /// <summary>The market: listings matching <paramref name="filter"/> (nothing filtered implicitly), in the requested order, a page at a time.</summary>
    public Task<Page<Listing>> PageAsync(ListingFilter? filter, IReadOnlyList<ListingSort> order, PageRequest request, CancellationToken cancellationToken) =>
        PageAsync(filter, order, request, ListingColumns.All, cancellationToken);

    /// <param name="columns">
    /// The columns the caller reads from the page's listings; the others keep their defaults. The id
    /// and the ordering's keys (for cursors) are always loaded.
    /// </param>
    public async Task<Page<Listing>> PageAsync(ListingFilter? filter, IReadOnlyList<ListingSort> order, PageRequest request, ListingColumns columns, CancellationToken cancellationToken)
    {
        var ordering = ListingOrderings.For(order);
        var plan = filter is null ? null : ListingFilterPlan.For(filter, clock.Now());
        var source = new ListingKeysetSource(db, shapes, plan, columns | ListingColumns.Id | ListingOrderings.ColumnsOf(order));
        // The page's statements and those that follow it in the request (its sellers, their texts)
        // share one open connection rather than opening one each: the context closes it when the
        // request ends (a pooled context is reset, an unpooled one disposed).
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await KeysetPaging.PageAsync(source, ordering, request, cancellationToken);
    }

    /// <param name="status">The status as of now: an expired listing is EXPIRED here before any sweep records it.</param>
    public Task<Page<Listing>> PageBySellerAsync(string sellerId, ListingStatus? status, PageRequest request, CancellationToken cancellationToken) =>
        KeysetPaging.PageAsync(BySellers([sellerId], status), ListingOrderings.NewestFirst, request, cancellationToken);

    /// <summary>
    /// The first page of each seller's listings, newest first, in one query however many sellers
    /// (a window per seller in SQL); totals come from <see cref="CountBySellersAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Listing>>> FirstPagesBySellersAsync(
        IReadOnlyCollection<string> sellerIds, ListingStatus? status, int size, CancellationToken cancellationToken)
    {
        // Each seller drives a correlated, limited collection: EF Core turns it into ROW_NUMBER()
        // OVER (PARTITION BY SellerId ...) on both providers.
        var inStatus = InStatus(status);
        var pages = await inStatus
            .Where(l => sellerIds.Contains(l.SellerId))
            .Select(l => l.SellerId)
            .Distinct()
            .Select(sellerId => new
            {
                SellerId = sellerId,
                Newest = inStatus.Where(l => l.SellerId == sellerId)
                    .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Take(size + 1).ToList(),
            })
            .ToListAsync(cancellationToken);
        return pages.ToDictionary(p => p.SellerId, p => (IReadOnlyList<Listing>)p.Newest);
    }

    /// <summary>How many listings each seller has (in the status, as of now), in one query.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountBySellersAsync(IReadOnlyCollection<string> sellerIds, ListingStatus? status, CancellationToken cancellationToken) =>
        await BySellers(sellerIds, status)
            .GroupBy(l => l.SellerId)
            .Select(g => new { SellerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.SellerId, c => c.Count, cancellationToken);

    private IQueryable<Listing> BySellers(IReadOnlyCollection<string> sellerIds, ListingStatus? status)
    {
        // One seller (a shop page) compares by equality, which reads the index best.
        var only = sellerIds.Count == 1 ? sellerIds.First() : null;
        return only is not null
            ? InStatus(status).Where(l => l.SellerId == only)
            : InStatus(status).Where(l => sellerIds.Contains(l.SellerId));
    }

    private IQueryable<Listing> InStatus(ListingStatus? status) => status is { } wanted
        ? db.Listings.AsNoTracking().Where(EffectiveListingStatus.Is(wanted, clock.Now()))
        : db.Listings.AsNoTracking();
}
