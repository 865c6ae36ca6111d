using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class DisputeOrderInput : OrderIdInput
{
    public string Reason { get; set; } = "";
}

public sealed class DisputeOrderInputType : InputObjectGraphType<DisputeOrderInput>
{
    public DisputeOrderInputType()
    {
        Name = "DisputeOrderInput";
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Reason).Description("What went wrong, 2 to 500 characters.");
    }
}

public sealed class DisputeOrderMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, DisputeOrderInputType, DisputeOrderInput, Order>("disputeOrder",
                (ctx, input) => ctx.Service<OrderDesk>().DisputeAsync(ctx.RequireViewerId(), input.OrderId, input.Reason, ctx.CancellationToken))
            .Description("The ticket did not work: the money stays in escrow until an admin resolves the dispute.");
}
