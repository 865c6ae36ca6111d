using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Pictures.Services;

public sealed class PictureReader(ETicketDbContext db)
{
    /// <summary>Each listing's pictures in order; listings without any are absent.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TicketPicture>>> ForListingsAsync(IReadOnlyCollection<string> listingIds, CancellationToken cancellationToken)
    {
        var pictures = await db.TicketPictures.AsNoTracking()
            .Where(p => p.ListingId != null && listingIds.Contains(p.ListingId))
            .OrderBy(p => p.ListingId).ThenBy(p => p.Position)
            .ToListAsync(cancellationToken);
        return pictures.GroupBy(p => p.ListingId!).ToDictionary(g => g.Key, g => (IReadOnlyList<TicketPicture>)g.ToList());
    }

    public Task<TicketPicture?> FindAsync(string pictureId, CancellationToken cancellationToken) =>
        db.TicketPictures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pictureId, cancellationToken);
}
