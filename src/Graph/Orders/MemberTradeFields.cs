using ETicket.Domain.Common;
using ETicket.Graph.Common;
using ETicket.Graph.Members;
using ETicket.Graph.Querying;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

/// <summary>The tickets module's reputation figure on Member.</summary>
public sealed class MemberTradeFields : IFieldContributor<MemberType>
{
    public void AddFields(MemberType type) =>
        type.Field<NonNullGraphType<IntGraphType>>("completedTrades")
            .Reads(nameof(IEntity.Id))
            .Description("Completed trades as buyer or seller: a public reputation figure.")
            .Resolve(ctx => ctx.Service<CompletedTradesLoader>().Load(ctx.Source.Id).Then(trades => trades?.Count ?? 0));
}
