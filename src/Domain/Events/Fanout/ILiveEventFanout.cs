namespace ETicket.Domain.Events.Fanout;

/// <summary>
/// Carries committed events to every process that serves live updates (GraphQL subscriptions). One
/// process relays the outbox; subscribers may be connected to any process, so the relayed events are
/// broadcast: within the process when it runs alone, through Redis pub/sub when scaled out.
/// </summary>
public interface ILiveEventFanout
{
    /// <summary>Sends to every process, this one included. Throws when the fan-out is unreachable.</summary>
    Task BroadcastAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Whether this process hears broadcasts now. False while Redis is unreachable.</summary>
    bool IsAvailable { get; }

    /// <summary>Hands every event this process hears to <paramref name="listener"/> until disposed.</summary>
    IDisposable Listen(ILiveEventListener listener);
}

/// <summary>A receiver of broadcast events (the subscription hub of a process).</summary>
public interface ILiveEventListener
{
    /// <summary>One event, in broadcast order, one at a time. Must return quickly: it runs on the fan-out's reader.</summary>
    void OnEvent(EventEnvelope envelope);

    /// <summary>The fan-out was lost: events broadcast from now until <see cref="OnResumed"/> do not arrive.</summary>
    void OnInterrupted(string reason);

    /// <summary>
    /// The fan-out is back, or reachable for the first time after a start without it: every event
    /// broadcast from now on arrives.
    /// </summary>
    void OnResumed();
}
