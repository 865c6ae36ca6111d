namespace ETicket.Domain.Events.Outbox;

/// <summary>
/// Something this process must have to relay the outbox, such as a reachable broadcast to the other
/// processes. While one is not met the relay pauses and gives its lease to a process that meets them.
/// </summary>
public interface IOutboxRelayCondition
{
    bool IsMet { get; }
}
