namespace ETicket.Domain.Events.Fanout;

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
