using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members;

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
        (await db.Members.SingleAsync(m => m.Id == memberId, cancellationToken)).AwardCreditPoints(points);

    /// <inheritdoc cref="AwardAsync"/>
    public async Task DeductAsync(string memberId, int points, CancellationToken cancellationToken) =>
        (await db.Members.SingleAsync(m => m.Id == memberId, cancellationToken)).DeductCreditPoints(points);

    /// <summary>
    /// Makes the member's concurrent trading steps (e.g. two purchases at once) take turns, so a
    /// limit counted inside the transaction holds. SQLite already serializes write transactions.
    /// </summary>
    public Task LockForTradingAsync(string memberId, CancellationToken cancellationToken) =>
        db is MySqlETicketDbContext
            ? db.Database.ExecuteSqlAsync($"SELECT Id FROM Members WHERE Id = {memberId} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;
}
