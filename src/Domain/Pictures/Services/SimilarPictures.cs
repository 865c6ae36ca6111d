using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using ETicket.Domain.Pictures.Imaging;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Pictures.Services;

/// <summary>Finds a picture already on the market that looks like a new one (see <see cref="PerceptualHashBands"/>).</summary>
public sealed class SimilarPictures(ETicketDbContext db)
{
    /// <summary>Candidates read at most; a flat picture (all white, say) could match many, and one near copy is enough.</summary>
    private const int MaxCandidates = 500;

    /// <summary>
    /// 137 values per band: every hash within 11 bits is found, and most at the threshold's 12 (a radius
    /// of 3, exact at 12 too, would look up 697 values per band).
    /// </summary>
    private static readonly int Radius = Math.Min(2, PerceptualHashBands.RadiusFor(PerceptualHash.NearIdenticalThreshold));

    /// <summary>
    /// A picture on a listing that looks like <paramref name="picture"/>: another seller's on any listing,
    /// or the same seller's on a listing still holding its ticket (a seller may relist a withdrawn ticket).
    /// </summary>
    public async Task<TicketPicture?> FindAsync(TicketPicture picture, string sellerId, CancellationToken cancellationToken)
    {
        var hash = unchecked((ulong)picture.PerceptualHash);
        var bands = Enumerable.Range(0, PerceptualHashBands.Count)
            .Select(band => PerceptualHashBands.Neighbours(PerceptualHashBands.Band(hash, band), Radius).ToList())
            .ToList();
        var (band0, band1, band2, band3) = (bands[0], bands[1], bands[2], bands[3]);
        var candidates = await db.TicketPictures.AsNoTracking()
            .Where(p => p.ListingId != null && p.Id != picture.Id
                        && (band0.Contains(p.HashBand0) || band1.Contains(p.HashBand1) || band2.Contains(p.HashBand2) || band3.Contains(p.HashBand3)))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PerceptualHash, p.ListingId, p.UploaderId })
            .Take(MaxCandidates)
            .ToListAsync(cancellationToken);
        var near = candidates
            .Where(c => PerceptualHash.AreNearIdentical(hash, unchecked((ulong)c.PerceptualHash)))
            .ToList();
        if (near.Count == 0)
            return null;

        var listingIds = near.Select(c => c.ListingId!).Distinct().ToList();
        var stillHeld = await db.Listings.AsNoTracking()
            .Where(l => listingIds.Contains(l.Id) && (l.Status == ListingStatus.OnSale || l.Status == ListingStatus.Reserved || l.Status == ListingStatus.Sold))
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        var match = near.FirstOrDefault(c => c.UploaderId != sellerId || stillHeld.Contains(c.ListingId!));
        return match is null ? null : await db.TicketPictures.AsNoTracking().SingleAsync(p => p.Id == match.Id, cancellationToken);
    }
}
