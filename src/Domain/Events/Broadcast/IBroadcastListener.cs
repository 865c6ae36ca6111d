namespace ETicket.Domain.Events.Broadcast;

/// <summary>A receiver of broadcast events (the subscription hub of a process).</summary>
public interface IBroadcastListener
{
    /// <summary>One event, in broadcast order, one at a time. Must return quickly: it runs on the broadcast's reader.</summary>
    void OnEvent(EventEnvelope envelope);

    /// <summary>The broadcast was lost: events broadcast from now until <see cref="OnResumed"/> do not arrive.</summary>
    void OnInterrupted(string reason);

    /// <summary>
    /// The broadcast is back, or reachable for the first time after a start without it: every event
    /// broadcast from now on arrives.
    /// </summary>
    void OnResumed();
}
