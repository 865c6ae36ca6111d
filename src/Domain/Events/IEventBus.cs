namespace ETicket.Domain.Events;

/// <summary>Delivers committed events to whoever listens: in-process, or through Redis when scaled out.</summary>
public interface IEventBus
{
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Every event published from now on reaches <paramref name="handler"/> until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<EventEnvelope, CancellationToken, Task> handler);
}
