namespace ETicket.Domain.Events;

/// <summary>
/// Hands committed domain events, relayed from the outbox in commit order, to the consumers in this
/// process (matching, search indexing, the broadcast to every process's subscribers): the relaying
/// process runs them, once per event. There is one implementation, in-process (InProcessEventBus).
/// </summary>
public interface IEventBus
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Every event published from now on reaches <paramref name="handler"/> until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<EventEnvelope, CancellationToken, Task> handler);
}
