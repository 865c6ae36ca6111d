using GraphQL.Types;

namespace ETicket.Graph.Schema;

/// <summary>Live updates, served over WebSocket and SSE; only in roles that serve the tickets module.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<IFieldContributor<SubscriptionType>> contributors)
    {
        Name = "Subscription";
        this.Apply(contributors);
    }
}
