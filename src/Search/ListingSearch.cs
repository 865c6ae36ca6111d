using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;

namespace ETicket.Search;

/// <summary>
/// Searches the index, then reads the listings found from the database, which has the last word: a
/// listing sold or withdrawn in the moment before the index learnt of it is left out.
/// </summary>
public sealed class ListingSearch(IListingSearchIndex index, ListingReader listings, TimeProvider clock)
{
    public async Task<ListingSearchResult> SearchAsync(ListingSearchRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = request.Validated(now);
        var found = await index.SearchAsync(query, cancellationToken);
        var stored = found.Hits.Count > 0
            ? await listings.FindManyAsync(found.Hits.Select(h => h.ListingId).ToList(), cancellationToken)
            : new Dictionary<string, Listing>();
        var items = found.Hits
            .Where(hit => stored.TryGetValue(hit.ListingId, out var listing) && listing.StatusAt(now) == ListingStatus.OnSale)
            .Select(hit => new PageItem<Listing>(stored[hit.ListingId], hit.Cursor.Encode()))
            .ToList();
        var page = new Page<Listing>(items, Page<Listing>.Known(found.HasNextPage), Page<Listing>.Known(query.After is not null),
            _ => Task.FromResult(found.TotalCount));
        return new ListingSearchResult(page, found.CategoryCounts, found.CityCounts);
    }
}
