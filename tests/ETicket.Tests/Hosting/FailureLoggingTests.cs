using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ETicket.Tests.Hosting;

/// <summary>
/// Error lines are for what an operator must act on: a failure nobody handled is logged at Error
/// once, where it surfaced; a conflict the platform answers is not (the race tests assert that).
/// </summary>
public sealed class FailureLoggingTests
{
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_database_failure_nobody_handles_is_logged_at_Error_once(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database, configureServices: ServerLogs.Capture);
        var seller = await server.SignInAsync("13800000001");
        // Take the outbox away under the running server: publishing now fails when it saves.
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE OutboxMessages RENAME TO OutboxGone",
                TestContext.Current.CancellationToken);

        var answer = await server.PostAsync(ListingRequests.Publish, new { input = ListingRequests.Concert() }, seller.AccessToken);

        Assert.Equal("INTERNAL_SERVER_ERROR", answer.FirstErrorCode);
        var error = Assert.Single(server.Services.GetFakeLogCollector().GetSnapshot(), record => record.Level >= LogLevel.Error);
        Assert.Equal("ETicket.Graph", error.Category);
        Assert.IsType<DbUpdateException>(error.Exception);
    }
}
