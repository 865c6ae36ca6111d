using System.Linq.Expressions;
using ETicket.Domain.Events;
using ETicket.Domain.Persistence;
using ETicket.Domain.Persistence.QueryEngine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ETicket.Domain.Listings.Services;

/// <summary>The tickets module's copies of its sellers' public profiles (<see cref="SellerProfile"/>).</summary>
public sealed class SellerProfiles(ETicketDbContext db, CompiledShapes<ETicketDbContext, SellerProfile> shapes)
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

    /// <summary>
    /// The copies of these members' profiles, one compiled query: a market page's sellers are this
    /// query once per request, and an ordinary LINQ query would cost EF Core a walk and a hash of its
    /// expression tree each time (see <see cref="CompiledShapes{TContext, T}"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SellerProfile>> FindManyAsync(IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds as string[] ?? [.. memberIds];
        var rows = shapes.TryGet(db, nameof(FindManyAsync), ByMemberIds, static query => new QueryShape([typeof(string[])],
                (context, values) => new ReplacingExpressionVisitor(query.Parameters, [context, values[0]]).Visit(query.Body)))
            ?.Invoke(db, [ids])
            ?? ByMemberIdsQuery(db, ids).AsAsyncEnumerable();
        var found = new Dictionary<string, SellerProfile>(ids.Length);
        await foreach (var profile in rows.WithCancellation(cancellationToken))
            found[profile.MemberId] = profile;
        return found;
    }

    private static readonly Expression<Func<ETicketDbContext, string[], IQueryable<SellerProfile>>> ByMemberIds =
        (context, ids) => context.SellerProfiles.AsNoTracking().Where(p => ids.Contains(p.MemberId));

    // The ordinary query, for when the compiled-shape cache is full.
    private static readonly Func<ETicketDbContext, string[], IQueryable<SellerProfile>> ByMemberIdsQuery = ByMemberIds.Compile();
}
