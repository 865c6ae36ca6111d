using ETicket.Domain.Persistence;

namespace ETicket.Domain.Events.Outbox;

public static class OutboxExtensions
{
    /// <summary>Records the event with the pending changes: it commits, or is discarded, with them.</summary>
    public static void Enqueue(this ETicketDbContext db, DomainEvent domainEvent, DateTimeOffset now) =>
        db.OutboxMessages.Add(OutboxMessage.For(domainEvent, now));
}
