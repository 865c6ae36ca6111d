using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

/// <summary>The description and encrypted code of listings, which list queries leave out; one query per batch.</summary>
public sealed class ListingTextLoader(ListingReader listings) : BatchLoader<string, ListingText>
{
    protected override Task<IReadOnlyDictionary<string, ListingText>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        listings.FindTextsAsync(keys, cancellationToken);
}
