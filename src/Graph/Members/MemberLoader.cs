using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using ETicket.Graph.Common;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Graph.Members;

/// <summary>Members by id, one query per batch.</summary>
public sealed class MemberLoader(ETicketDbContext db) : BatchLoader<string, Member>
{
    protected override async Task<IReadOnlyDictionary<string, Member>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(m => keys.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
}
