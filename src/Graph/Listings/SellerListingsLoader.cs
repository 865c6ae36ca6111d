using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Querying;
using ETicket.Domain.Listings.Services;
using ETicket.Domain.Persistence.QueryEngine.Keyset;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

/// <summary>
/// Member.listings for every member on a page at once: first pages load in one windowed query per
/// (status, size); a page after a cursor loads alone (clients page one shop at a time).
/// </summary>
public sealed class SellerListingsLoader(ListingReader listings, SellerListingCountLoader counts) : BatchLoader<SellerListingsKey, Page<Listing>>
{
    protected override async Task<IReadOnlyDictionary<SellerListingsKey, Page<Listing>>> FetchAsync(
        IReadOnlyCollection<SellerListingsKey> keys, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<SellerListingsKey, Page<Listing>>();
        foreach (var group in keys.Where(k => k.After is null).GroupBy(k => (k.Status, k.Size)))
        {
            var sellers = group.Select(k => k.SellerId).ToList();
            var rows = await listings.FirstPagesBySellersAsync(sellers, group.Key.Status, group.Key.Size, cancellationToken);
            foreach (var key in group)
            {
                // Queued now, so the totals of the whole group load in one query if anyone asks for them.
                var total = counts.Load(new SellerListingCountKey(key.SellerId, key.Status));
                pages[key] = KeysetPaging.FirstPage(rows.GetValueOrDefault(key.SellerId) ?? [], ListingOrderings.NewestFirst, key.Size,
                    async ct => await total.GetResultAsync(ct) is { } count ? count.Count : 0);
            }
        }
        foreach (var key in keys.Where(k => k.After is not null))
            pages[key] = await listings.PageBySellerAsync(key.SellerId, key.Status, new PageRequest(key.Size, key.After), cancellationToken);
        return pages;
    }
}
