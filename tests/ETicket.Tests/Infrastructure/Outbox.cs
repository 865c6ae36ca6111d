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
}
