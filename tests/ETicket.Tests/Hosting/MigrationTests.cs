using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Hosting;

public sealed class MigrationTests
{
    /// <summary>A model change without a migration for its provider fails here: run scripts/add-migration.sh.</summary>
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Every_provider_is_migrated_to_the_current_model(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers; run ./scripts/add-migration.sh <Name>.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
