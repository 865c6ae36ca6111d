using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Persistence;

/// <summary>
/// On MariaDB, reads stream their rows while writes keep retrying as a whole
/// (StreamingReadsRetryingStrategy): EF Core buffers a query only inside the strategy's execution.
/// </summary>
public sealed class StreamingReadsRetryingStrategyTests
{
    [Fact]
    public async Task Reads_stream_outside_the_strategy_and_buffer_inside_it()
    {
        await using var database = await MariaDbTestDatabase.CreateAsync();
        await using var server = await PlatformServer.StartAsync(database);
        await server.SignInAsync("13800000001", "A");
        await server.SignInAsync("13800000002", "B");
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var cancellationToken = TestContext.Current.CancellationToken;

        var strategy = db.Database.CreateExecutionStrategy();
        Assert.IsType<StreamingReadsRetryingStrategy>(strategy);
        Assert.False(strategy.RetriesOnFailure);

        // Streaming holds the query open while its rows are read: a second command meanwhile is refused
        // (by EF Core's concurrency check in Development, by the driver's one-reader rule elsewhere).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var member in db.Members.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
                await db.Listings.CountAsync(cancellationToken);
        });

        // Inside the strategy the same read is buffered (it may be retried as a whole), so the reader is already closed.
        var counted = await strategy.ExecuteAsync(async ct =>
        {
            Assert.True(strategy.RetriesOnFailure);
            var counts = new List<int>();
            await foreach (var member in db.Members.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
                counts.Add(await db.Listings.CountAsync(ct));
            return counts.Count;
        }, cancellationToken);
        Assert.Equal(2, counted);
    }

    [Fact]
    public async Task Work_cannot_be_retried_inside_a_transaction_begun_outside_the_strategy()
    {
        await using var database = await MariaDbTestDatabase.CreateAsync();
        await using var server = await PlatformServer.StartAsync(database);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var cancellationToken = TestContext.Current.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.Members.CountAsync(ct), cancellationToken));

        Assert.Contains("transaction", refused.Message);
    }
}
