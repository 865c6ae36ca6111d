using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class ResolveDisputeInput : OrderIdInput
{
    public bool RefundBuyer { get; set; }
    public string? Note { get; set; }
}

public sealed class ResolveDisputeInputType : InputObjectGraphType<ResolveDisputeInput>
{
    public ResolveDisputeInputType()
    {
        Name = "ResolveDisputeInput";
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.RefundBuyer).Description("true refunds the buyer; false completes the order for the seller.");
        Field(i => i.Note, nullable: true);
    }
}

public sealed class ResolveDisputeMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, ResolveDisputeInputType, ResolveDisputeInput, Order>("resolveDispute",
                (ctx, input) => ctx.Service<OrderDesk>().ResolveDisputeAsync(ctx.RequireViewerId(), input.OrderId, input.RefundBuyer, input.Note, ctx.CancellationToken))
            .Description("ADMIN only: refund the buyer, or complete the order for the seller.");
}
