using ETicket.Domain.Events;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

public static class Outbox
{
    /// <summary>The events of type <typeparamref name="T"/> written to the outbox so far, oldest first.</summary>
    public static async Task<List<T>> EventsAsync<T>(this PlatformServer server) where T : DomainEvent
    {
        await using var scope = server.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == typeof(T).Name).OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        return [.. messages.Select(m => Assert.IsType<T>(DomainEvent.FromJson(m.Payload)))];
    }

    /// <summary>How many outbox rows the relay has not published yet.</summary>
    public static async Task<int> PendingAsync(this PlatformServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().OutboxMessages
            .CountAsync(m => m.PublishedAt == null, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (up to 15 s) until the relay has published every outbox row.</summary>
    public static async Task RelayedAsync(this PlatformServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await server.PendingAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox relay did not catch up within 15 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
