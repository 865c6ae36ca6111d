using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Fanout;

/// <summary>
/// The relaying process's consumer that hands every relayed event to the fan-out. An event that cannot
/// be broadcast (Redis down) is not retried: its subscribers were told the stream broke.
/// </summary>
public sealed class BroadcastCommittedEvents(IEventBus bus, ILiveEventFanout fanout, ILogger<BroadcastCommittedEvents> logger) : IHostedLifecycleService
{
    private IDisposable? _subscription;

    // Before the relay starts, like every consumer of the bus.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(BroadcastAsync);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // After every service stopped, the relay included: hosted services stop in reverse order, and the
    // relay, registered first, stops last. What it relays until then is marked as handed over, so it
    // must still be broadcast, or other processes' subscribers would miss it without being told.
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            await fanout.BroadcastAsync(envelope, cancellationToken);
        }
        catch (Exception ex) when (ex is LiveEventsUnavailableException or StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning("Event {EventType} #{Sequence} reached no live subscriber: {Reason}", envelope.Type, envelope.Sequence, ex.Message);
        }
    }
}
