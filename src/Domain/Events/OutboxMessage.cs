namespace ETicket.Domain.Events;

/// <summary>An event waiting in the database until the relay has handed it to the event bus.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public long Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public static OutboxMessage For(DomainEvent domainEvent, DateTimeOffset now) => new()
    {
        Type = domainEvent.TypeName,
        Payload = domainEvent.ToJson(),
        OccurredAt = now,
    };

    public void MarkPublished(DateTimeOffset now) => PublishedAt = now;
}
