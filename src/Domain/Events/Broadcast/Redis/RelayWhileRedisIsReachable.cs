using ETicket.Domain.Events.Outbox;

namespace ETicket.Domain.Events.Broadcast.Redis;

/// <summary>
/// Relay only while Redis carries broadcasts: what this process relayed with Redis down would reach
/// none of the other processes' subscribers, who would not even be told.
/// </summary>
public sealed class RelayWhileRedisIsReachable(RedisEventBroadcast fanout) : IOutboxRelayCondition
{
    public bool IsMet => fanout.IsAvailable;
}
