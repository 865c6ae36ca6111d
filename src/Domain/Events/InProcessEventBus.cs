using ETicket.Domain.Common;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events;

/// <summary>The embedded default: events reach handlers in this process, in order.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private readonly CopyOnWriteList<Func<EventEnvelope, CancellationToken, Task>> _handlers = new();

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers.All)
        {
            try
            {
                await handler(envelope, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failing consumer must not starve the others; consumers retry on their own terms.
                logger.LogError(ex, "An event handler failed on {EventType} #{Sequence}", envelope.Type, envelope.Sequence);
            }
        }
    }

    public IDisposable Subscribe(Func<EventEnvelope, CancellationToken, Task> handler) => _handlers.Add(handler);
}
