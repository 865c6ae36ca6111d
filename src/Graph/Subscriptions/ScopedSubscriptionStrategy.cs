using ETicket.Graph.Common;
using GraphQL;
using GraphQL.Execution;

namespace ETicket.Graph.Subscriptions;

/// <summary>
/// Executes each event of a subscription in a service scope of its own: a fresh DbContext and fresh
/// batch loaders per event (a long-lived scope would serve stale, ever-growing caches). Fields run one
/// at a time, as in queries, because they share the event's DbContext.
/// </summary>
public sealed class ScopedSubscriptionStrategy() : SubscriptionExecutionStrategy(new CollectOnceExecutionStrategy())
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        return await base.ProcessDataAsync(context, node, value);
    }
}
