using Microsoft.Extensions.Logging;

namespace ETicket.Domain.Events.Broadcast;

/// <summary>
/// The relaying process's consumer that hands every relayed event to the broadcast. An event that cannot
/// be broadcast (Redis down) is not retried: its subscribers were told the stream broke, and the relay
/// stops relaying while this process cannot broadcast (see OutboxRelay).
/// </summary>
public sealed class BroadcastCommittedEvents(IEventBus bus, IEventBroadcast fanout, ILogger<BroadcastCommittedEvents> logger) : EventBusConsumer(bus)
{
    protected override async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            await fanout.BroadcastAsync(envelope, cancellationToken);
        }
        catch (Exception ex) when (ex is BroadcastUnavailableException or StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning("Event {EventType} #{Sequence} reached no live subscriber: {Reason}", envelope.Type, envelope.Sequence, ex.Message);
        }
    }
}
