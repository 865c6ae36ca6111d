using ETicket.Domain.Common;
using GraphQL.Types;

namespace ETicket.Graph.Common;

/// <summary>A Relay connection named after its node type: <c>ListingConnection</c>, <c>ListingEdge</c>.</summary>
public class ConnectionType<TNode, TNodeType> : ObjectGraphType<Page<TNode>>
    where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = NodeName();
        Name = nodeName + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNode, TNodeType>>>>>("edges")
            .Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Resolve(ctx => ctx.Source.Items.Select(item => item.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source);
        // Deferred to the data loader phase, so counts of sibling connections (e.g. every seller's
        // listings on a page) can run as one batch.
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items the whole list holds, across all pages.")
            .Resolve(ctx => new Deferred<int>(ctx.Source.CountTotal));
    }

    internal static string NodeName() => typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal)
        ? typeof(TNodeType).Name[..^"Type".Length]
        : typeof(TNodeType).Name;
}
