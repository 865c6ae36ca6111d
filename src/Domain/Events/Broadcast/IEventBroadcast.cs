namespace ETicket.Domain.Events.Broadcast;

/// <summary>
/// Carries committed events to every process that serves live updates (GraphQL subscriptions). One
/// process relays the outbox; subscribers may be connected to any process, so the relayed events are
/// broadcast: within the process when it runs alone, through Redis pub/sub when scaled out.
/// </summary>
public interface IEventBroadcast
{
    /// <summary>Sends to every process, this one included. Throws when the broadcast is unreachable.</summary>
    Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Whether this process hears broadcasts now. False while Redis is unreachable.</summary>
    bool IsAvailable { get; }

    /// <summary>Hands every event this process hears to <paramref name="listener"/> until disposed.</summary>
    IDisposable Listen(IBroadcastListener listener);
}
