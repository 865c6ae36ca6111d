namespace ETicket.Domain.Events;

/// <summary>An event as it travels on the bus: the outbox row's sequence number and its payload.</summary>
public sealed record EventEnvelope(long Sequence, string Type, string Payload, DateTimeOffset OccurredAt)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public DomainEvent? Event => DomainEvent.FromJson(Payload);
}

/// <summary>Delivers committed events to whoever listens: in-process, or through Redis when scaled out.</summary>
public interface IEventBus
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Every event published from now on reaches <paramref name="handler"/> until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<EventEnvelope, CancellationToken, Task> handler);
}
