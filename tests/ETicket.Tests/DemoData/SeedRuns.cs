using ETicket.Domain.Persistence;
using ETicket.Graph.DemoData;
using ETicket.Graph.Hosting;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.DemoData;

/// <summary>What one run of the seed command answered.</summary>
public sealed record SeedRun(int ExitCode, string Output, string Errors);

/// <summary>The row counts a run could change, and the last event: equal snapshots mean nothing was written.</summary>
public sealed record DatabaseSnapshot(int Members, int Listings, int SellerProfiles, int Orders, int LedgerEntries, int OutboxMessages, long LastOutboxId);

public static class SeedRuns
{
    /// <summary>Runs <c>seed</c> as Program does, on <paramref name="database"/> and <paramref name="data"/>, with <paramref name="options"/>.</summary>
    public static async Task<SeedRun> SeedAsync(ITestDatabase database, TestDataDirectory data, params string[] options)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await SeedCommand.RunAsync(["seed", .. options, .. Settings(database, data)], output, errors, TestContext.Current.CancellationToken);
        return new SeedRun(exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>Reads the database through a platform host that is built but not started (nothing runs in the background).</summary>
    public static async Task<T> ReadAsync<T>(ITestDatabase database, TestDataDirectory data, Func<ETicketDbContext, Task<T>> read)
    {
        await using var host = PlatformHost.Build([.. Settings(database, data)]);
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ETicketDbContext>());
    }

    public static Task<DatabaseSnapshot> SnapshotAsync(ITestDatabase database, TestDataDirectory data) =>
        ReadAsync(database, data, async db => new DatabaseSnapshot(
            await db.Members.CountAsync(), await db.Listings.CountAsync(), await db.SellerProfiles.CountAsync(), await db.Orders.CountAsync(),
            await db.LedgerEntries.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.OutboxMessages.MaxAsync(m => (long?)m.Id) ?? 0));

    /// <summary>The platform settings a test's server gets: the database, the data directory, Development.</summary>
    private static IEnumerable<string> Settings(ITestDatabase database, TestDataDirectory data) =>
    [
        "--environment=Development",
        $"--ETicket:DataDirectory={data.Path}",
        "--Logging:LogLevel:Default=Warning",
        .. database.Settings.Select(setting => $"--{setting.Key}={setting.Value}"),
    ];
}
