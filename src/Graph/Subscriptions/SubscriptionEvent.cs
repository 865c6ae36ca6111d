using System.Collections.Concurrent;
using ETicket.Domain.Events;

namespace ETicket.Graph.Subscriptions;

/// <summary>
/// One committed event as this process heard it. Every subscription group that reacts to it shares
/// what it loads (the listing, the order), so an event costs one read however many groups listen.
/// </summary>
public sealed class SubscriptionEvent(long sequence, DomainEvent @event)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _loads = new(StringComparer.Ordinal);

    public long Sequence { get; } = sequence;

    public DomainEvent Event { get; } = @event;

    /// <summary>The value loaded under <paramref name="key"/> for this event, loading it on first ask.</summary>
    public async Task<T?> SharedAsync<T>(string key, Func<Task<T?>> load) where T : class =>
        await _loads.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await load())).Value as T;
}
