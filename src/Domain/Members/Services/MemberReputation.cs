using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>Credit points and levels, for the modules that grant or use them.</summary>
public sealed class MemberReputation(ETicketDbContext db)
{
    /// <summary>The member's level; NORMAL for anonymous callers and unknown members.</summary>
    public async Task<MembershipLevel> LevelOfAsync(string? memberId, CancellationToken cancellationToken)
    {
        if (memberId is null)
            return MembershipLevel.Normal;
        var points = await db.Members.Where(m => m.Id == memberId).Select(m => (int?)m.CreditPoints).SingleOrDefaultAsync(cancellationToken);
        return MembershipLevels.ForCreditPoints(points ?? 0);
    }

    /// <summary>Stages points on the shared unit of work; the caller's save records them with its own change.</summary>
    public async Task AwardAsync(string memberId, int points, CancellationToken cancellationToken) =>
        (await LoadForTradingAsync(memberId, cancellationToken)).AwardCreditPoints(points);

    /// <inheritdoc cref="AwardAsync"/>
    public async Task DeductAsync(string memberId, int points, CancellationToken cancellationToken) =>
        (await LoadForTradingAsync(memberId, cancellationToken)).DeductCreditPoints(points);

    /// <summary>
    /// Makes the member's concurrent trading steps (e.g. two purchases at once) take turns, so a
    /// limit counted inside the transaction holds: what is read after the lock is what the previous
    /// holder committed (transactions read committed data, see <see cref="Transactions"/>). SQLite
    /// already serializes write transactions.
    /// </summary>
    public Task LockForTradingAsync(string memberId, CancellationToken cancellationToken) =>
        db is MySqlETicketDbContext
            ? db.Database.ExecuteSqlAsync($"SELECT Id FROM Members WHERE Id = {memberId} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// The member, locked before it is read: two trades of one member completing at once then add
    /// their points up, where each would have written its own sum over the same old value.
    /// </summary>
    private async Task<Member> LoadForTradingAsync(string memberId, CancellationToken cancellationToken)
    {
        await LockForTradingAsync(memberId, cancellationToken);
        return await db.Members.SingleAsync(m => m.Id == memberId, cancellationToken);
    }
}
