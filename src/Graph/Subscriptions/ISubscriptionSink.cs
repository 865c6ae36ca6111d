namespace ETicket.Graph.Subscriptions;

/// <summary>
/// Where a transport receives one subscription's results (a WebSocket's operation, an SSE response).
/// Both calls come from the event's dispatch and must return at once: queue the bytes, never block.
/// </summary>
public interface ISubscriptionSink
{
    /// <summary>
    /// One event's result as UTF-8 JSON (<c>{"data":...}</c>, with <c>errors</c> when a field failed),
    /// serialized once and shared by every subscriber of the same group: send it, never change it.
    /// </summary>
    void Next(ReadOnlyMemory<byte> result);

    /// <summary>
    /// The stream ended without the subscriber asking: normally when <paramref name="errors"/> is
    /// null, else with these errors (a UTF-8 JSON array of GraphQL errors), e.g. when live updates
    /// were interrupted. Nothing follows.
    /// </summary>
    void End(ReadOnlyMemory<byte>? errors);
}
