using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events;

/// <summary>The embedded default: events reach handlers in this process, in order.</summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableArray<Func<EventEnvelope, CancellationToken, Task>> _handlers = [];

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
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

    public IDisposable Subscribe(Func<EventEnvelope, CancellationToken, Task> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Add(h), handler);
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _handlers, static (list, h) => list.Remove(h), handler));
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                unsubscribe();
        }
    }
}
