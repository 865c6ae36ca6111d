using ETicket.Domain.Events;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Listings.Services;

/// <summary>The tickets module's copies of its sellers' public profiles (<see cref="SellerProfile"/>).</summary>
public sealed class SellerProfiles(ETicketDbContext db)
{
    /// <summary>
    /// Copies the member's public profile unless the copy is there. One statement reads the member's
    /// row as it writes the copy (MariaDB locks the row read, SQLite serializes writers): a profile
    /// change committed before is in the copy, one committed after reaches it as an event.
    /// </summary>
    public async Task CopyIfMissingAsync(string memberId, CancellationToken cancellationToken) =>
        await (db is MySqlETicketDbContext
            ? db.Database.ExecuteSqlAsync(
                $"INSERT IGNORE INTO SellerProfiles (MemberId, Nickname, AvatarUrl) SELECT Id, Nickname, AvatarUrl FROM Members WHERE Id = {memberId}",
                cancellationToken)
            : db.Database.ExecuteSqlAsync(
                $"INSERT OR IGNORE INTO SellerProfiles (MemberId, Nickname, AvatarUrl) SELECT Id, Nickname, AvatarUrl FROM Members WHERE Id = {memberId}",
                cancellationToken));

    /// <summary>Applies a member's profile change to their copy; members who never sold have none.</summary>
    public Task ApplyAsync(MemberProfileChanged change, CancellationToken cancellationToken) =>
        db.SellerProfiles.Where(p => p.MemberId == change.MemberId).ExecuteUpdateAsync(
            set => set.SetProperty(p => p.Nickname, change.Nickname).SetProperty(p => p.AvatarUrl, change.AvatarUrl),
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, SellerProfile>> FindManyAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) =>
        await db.SellerProfiles.AsNoTracking().Where(p => memberIds.Contains(p.MemberId)).ToDictionaryAsync(p => p.MemberId, cancellationToken);
}
