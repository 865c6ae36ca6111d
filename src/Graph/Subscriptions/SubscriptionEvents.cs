using System.Reactive.Linq;
using System.Reactive.Subjects;
using ETicket.Domain.Events;
using ETicket.Domain.Events.Broadcast;

namespace ETicket.Graph.Subscriptions;

/// <summary>
/// The committed events this process hears from the broadcast, as the stream subscription fields
/// filter. Loads what an event is about once per event (<see cref="SubscriptionEvent.SharedAsync{T}"/>),
/// in a scope of its own, for every group that asks.
/// </summary>
public sealed class SubscriptionEvents(IEventBroadcast fanout, IServiceScopeFactory scopes, ILogger<SubscriptionEvents> logger) : IBroadcastListener, IHostedService
{
    // Broadcasts arrive one at a time from the broadcast's reader, as a Subject requires.
    private readonly Subject<SubscriptionEvent> _events = new();
    private IDisposable? _listening;
    private int _interruptions;

    /// <summary>Whether events reach this process now (false while Redis is unreachable).</summary>
    public bool IsAvailable => fanout.IsAvailable;

    /// <summary>Raised when the broadcast is lost: every subscription in this process has stopped receiving.</summary>
    public event Action<string>? Interrupted;

    /// <summary>How many times the broadcast was lost so far; counted before <see cref="Interrupted"/> is raised.</summary>
    public int Interruptions => Volatile.Read(ref _interruptions);

    /// <summary>
    /// The <typeparamref name="TResult"/> each event of type <typeparamref name="TEvent"/> is about,
    /// in event order, for the events <paramref name="relevant"/> accepts; events whose subject is
    /// gone by now are skipped.
    /// </summary>
    public IObservable<TResult> Stream<TEvent, TResult>(
        Func<TEvent, bool> relevant,
        Func<TEvent, string> subjectKey,
        Func<IServiceProvider, TEvent, CancellationToken, Task<TResult?>> load)
        where TEvent : DomainEvent
        where TResult : class =>
        _events
            .Where(live => live.Event is TEvent e && relevant(e))
            .Select(live => Observable.FromAsync(() => LoadOnceAsync(live, subjectKey((TEvent)live.Event), (services, ct) => load(services, (TEvent)live.Event, ct))))
            // One at a time, in event order.
            .Concat()
            .Where(result => result is not null)!;

    /// <summary>What <paramref name="key"/> names for this event, loaded once for every group, in a scope of its own.</summary>
    public Task<T?> LoadOnceAsync<T>(SubscriptionEvent live, string key, Func<IServiceProvider, CancellationToken, Task<T?>> load) where T : class =>
        live.SharedAsync(key, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not the subscriber's token: the load is shared, one group leaving must not cancel it for others.
            return await load(scope.ServiceProvider, CancellationToken.None);
        });

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listening = fanout.Listen(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listening?.Dispose();
        return Task.CompletedTask;
    }

    void IBroadcastListener.OnEvent(EventEnvelope envelope)
    {
        if (envelope.Event is { } domainEvent)
            _events.OnNext(new SubscriptionEvent(envelope.Sequence, domainEvent));
        else
            logger.LogWarning("Ignored event #{Sequence} of unknown type {Type}", envelope.Sequence, envelope.Type);
    }

    void IBroadcastListener.OnInterrupted(string reason)
    {
        Interlocked.Increment(ref _interruptions);
        Interrupted?.Invoke(reason);
    }

    void IBroadcastListener.OnResumed()
    {
        // New subscriptions are accepted again (IsAvailable); nothing to restore, the old ones were ended.
    }
}
