using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Broadcast;

/// <summary>The embedded default: one process relays and serves every subscriber.</summary>
public sealed class InProcessEventBroadcast(ILogger<InProcessEventBroadcast> logger) : IEventBroadcast
{
    private readonly Listeners _listeners = new(logger);

    public bool IsAvailable => true;

    public Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        _listeners.Each(listener => listener.OnEvent(envelope));
        return Task.CompletedTask;
    }

    public IDisposable Listen(IBroadcastListener listener) => _listeners.Add(listener);
}
