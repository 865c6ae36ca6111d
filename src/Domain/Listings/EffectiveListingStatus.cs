using System.Linq.Expressions;

namespace ETicket.Domain.Listings;

/// <summary>
/// Filters listings by the status they have now, in SQL: the twin of <see cref="Listing.StatusAt"/>.
/// An ON_SALE listing past its expiry is EXPIRED before the sweep records it, so every status filter
/// goes through here.
/// </summary>
public static class EffectiveListingStatus
{
    public static Expression<Func<Listing, bool>> Is(ListingStatus status, DateTimeOffset now) => status switch
    {
        ListingStatus.OnSale => l => l.Status == ListingStatus.OnSale && l.ExpiresAt > now,
        ListingStatus.Expired => l => l.Status == ListingStatus.Expired || (l.Status == ListingStatus.OnSale && l.ExpiresAt <= now),
        _ => l => l.Status == status,
    };
}
