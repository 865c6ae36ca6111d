using ETicket.Domain.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// Stages a race: runs a competing change once, just before the next save that modifies a listing,
/// i.e. after that unit of work read the listing and before it writes. Register it as an
/// <see cref="IInterceptor"/> of the server.
/// </summary>
public sealed class BeforeNextListingSave : SaveChangesInterceptor
{
    private Func<Task>? _competingChange;

    public void Arm(Func<Task> competingChange) => _competingChange = competingChange;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var modifiesListing = eventData.Context!.ChangeTracker.Entries<Listing>().Any(e => e.State == EntityState.Modified);
        if (modifiesListing && Interlocked.Exchange(ref _competingChange, null) is { } competingChange)
            await competingChange();
        return result;
    }
}
