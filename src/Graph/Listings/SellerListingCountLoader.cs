using ETicket.Domain.Listings.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

/// <summary>Listing totals for many sellers in one grouped query per status.</summary>
public sealed class SellerListingCountLoader(ListingReader listings) : BatchLoader<SellerListingCountKey, ListingCount>
{
    protected override async Task<IReadOnlyDictionary<SellerListingCountKey, ListingCount>> FetchAsync(
        IReadOnlyCollection<SellerListingCountKey> keys, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<SellerListingCountKey, ListingCount>();
        foreach (var group in keys.GroupBy(k => k.Status))
        {
            var counts = await listings.CountBySellersAsync([.. group.Select(k => k.SellerId)], group.Key, cancellationToken);
            foreach (var key in group)
                totals[key] = new ListingCount(counts.GetValueOrDefault(key.SellerId));
        }
        return totals;
    }
}
