using ETicket.Domain.Common;

namespace ETicket.Domain.Listings;

/// <summary>Listings newest first: by publication time, the id breaking ties.</summary>
public static class NewestFirst
{
    public static Task<Page<Listing>> PageAsync(IQueryable<Listing> listings, PageRequest request, CancellationToken cancellationToken) =>
        NewestFirstPaging.PageAsync(listings, l => l.PublishedAt, l => l.Id, request, cancellationToken);
}
