using Microsoft.Extensions.Hosting;

namespace ETicket.Domain.Events;

/// <summary>
/// A consumer of the event bus for the whole life of the host. It subscribes before any hosted
/// service starts, the outbox relay included, so events left pending by a previous run reach it too;
/// and it unsubscribes only after every service stopped: hosted services stop in reverse order and
/// the relay, registered first, stops last, and what it relays until then is marked as handed over,
/// so it must still be handled.
/// </summary>
public abstract class EventBusConsumer(IEventBus bus) : IHostedLifecycleService
{
    private IDisposable? _subscription;

    protected abstract Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(HandleAsync);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
