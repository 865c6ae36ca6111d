using ETicket.Domain.Pictures;
using ETicket.Domain.Pictures.Services;
using ETicket.Graph.Common;

namespace ETicket.Graph.Pictures;

/// <summary>The pictures of a page of listings, in one query.</summary>
public sealed class ListingPicturesLoader(PictureReader pictures) : BatchLoader<string, IReadOnlyList<TicketPicture>>
{
    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<TicketPicture>>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        pictures.ForListingsAsync(keys, cancellationToken);
}
