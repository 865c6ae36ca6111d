using ETicket.Domain.Marketplace;
using ETicket.Domain.Persistence;
using ETicket.Domain.Pictures.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Pictures.Services;

/// <summary>Removes uploads no listing took within <see cref="PictureOptions.UploadLifetime"/>: their files, then their rows.</summary>
public sealed class PurgeUnusedPictures(ETicketDbContext db, IPictureStore store, IOptions<PictureOptions> options) : IMarketplaceSweep
{
    private const int BatchSize = 100;

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.UploadLifetime;
        var purged = 0;
        while (true)
        {
            var due = await db.TicketPictures.AsNoTracking()
                .Where(p => p.ListingId == null && p.UploadedAt <= cutoff)
                .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var picture in due)
            {
                // The row goes only if no publish took the picture meanwhile; its files go after it, so a
                // row never points at missing files.
                var deleted = await db.TicketPictures.Where(p => p.Id == picture.Id && p.ListingId == null).ExecuteDeleteAsync(cancellationToken);
                if (deleted == 0)
                    continue;
                await PictureFiles.DeleteAsync(store, picture, cancellationToken);
                purged++;
            }
            if (due.Count < BatchSize)
                return purged;
        }
    }
}
