using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

/// <summary>The sellers' profile copies by member id, one query per batch.</summary>
public sealed class SellerProfileLoader(SellerProfiles profiles) : BatchLoader<string, SellerProfile>
{
    protected override Task<IReadOnlyDictionary<string, SellerProfile>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        profiles.FindManyAsync(keys, cancellationToken);
}
