using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// Stages a race: runs a competing change once, just after the next save that added a
/// <typeparamref name="TEntity"/>, inside that unit of work's transaction (before it commits or rolls
/// back). Register it as an <see cref="IInterceptor"/> of the server.
/// </summary>
public sealed class AfterNextAdded<TEntity> : SaveChangesInterceptor where TEntity : class
{
    private Func<Task>? _competingChange;
    private DbContext? _saving;

    public void Arm(Func<Task> competingChange) => _competingChange = competingChange;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (_competingChange is not null && eventData.Context!.ChangeTracker.Entries<TEntity>().Any(e => e.State == EntityState.Added))
            Interlocked.CompareExchange(ref _saving, eventData.Context, null);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context == _saving && Interlocked.Exchange(ref _competingChange, null) is { } competingChange)
            await competingChange();
        return result;
    }
}
