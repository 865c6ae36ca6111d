using GraphQL.Types;

namespace ETicket.Graph.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IFieldContributor<QueryType>> contributors)
    {
        Name = "Query";
        this.Apply(contributors);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IFieldContributor<MutationType>> contributors)
    {
        Name = "Mutation";
        this.Apply(contributors);
    }
}

/// <summary>Live updates, served over WebSocket and SSE; only in roles that serve the tickets module.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<IFieldContributor<SubscriptionType>> contributors)
    {
        Name = "Subscription";
        this.Apply(contributors);
    }
}
