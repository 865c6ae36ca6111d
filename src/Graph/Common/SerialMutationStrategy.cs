using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ETicket.Graph.Common;

/// <summary>
/// Runs a mutation's root fields one after another, each to the end of its payload, in a service
/// scope of its own (a fresh DbContext, fresh batch loaders and caches).
/// <para>
/// GraphQL.NET's serial strategy runs every root field before it completes any batch-loaded field,
/// so the payload of <c>a: disputeOrder</c> showed its listing and ticket code as a later
/// <c>b: resolveDispute</c> in the same document left them. The spec (6.2.2) asks for each
/// mutation's payload to be the state right after it; that takes both halves here: completing the
/// field's batch loads before the next field runs, and not answering a later payload from what an
/// earlier field cached (who may see which code, a member read before a later update).
/// </para>
/// </summary>
public sealed class SerialMutationStrategy : CollectOnceExecutionStrategy
{
    public override async Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode)
    {
        if (rootNode is not RootExecutionNode { SubFields: { } fields })
        {
            await base.ExecuteNodeTreeAsync(context, rootNode);
            return;
        }
        var requestServices = context.RequestServices!;
        try
        {
            foreach (var field in fields)
            {
                await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                context.RequestServices = scope.ServiceProvider;
                await base.ExecuteNodeTreeAsync(context, field);
            }
        }
        finally
        {
            context.RequestServices = requestServices;
        }
    }
}
