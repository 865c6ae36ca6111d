using GraphQL;

namespace ETicket.Graph.Subscriptions;

/// <summary>A subscription that runs (<see cref="Subscription"/>), or the result it was refused with.</summary>
public sealed record SubscribeOutcome(IDisposable? Subscription, ExecutionResult? Refusal)
{
    public static SubscribeOutcome Subscribed(IDisposable subscription) => new(subscription, null);

    public static SubscribeOutcome Refused(ExecutionResult result) => new(null, result);
}
