using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

/// <summary>Listings by id, one query per batch.</summary>
public sealed class ListingLoader(ListingReader listings) : BatchLoader<string, Listing>
{
    protected override Task<IReadOnlyDictionary<string, Listing>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        listings.FindManyAsync(keys, cancellationToken);
}
