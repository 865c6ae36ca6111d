using ETicket.Domain.Common;
using GraphQL.Types;

namespace ETicket.Graph.Common;

public class EdgeType<TNode, TNodeType> : ObjectGraphType<PageItem<TNode>>
    where TNodeType : IGraphType
{
    public EdgeType()
    {
        Name = ConnectionType<TNode, TNodeType>.NodeName() + "Edge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
