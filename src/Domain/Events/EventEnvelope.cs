namespace ETicket.Domain.Events;

/// <summary>An event as it travels on the bus: the outbox row's sequence number and its payload.</summary>
public sealed record EventEnvelope(long Sequence, string Type, string Payload, DateTimeOffset OccurredAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DomainEvent? Event => DomainEvent.FromJson(Payload);
}
