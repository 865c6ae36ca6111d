using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

public sealed class ConfirmOrder : IInputName { public string Name => "ConfirmOrderInput"; }

public sealed class ConfirmOrderMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<ConfirmOrder>, OrderIdInput, Order>("confirmOrder",
                (ctx, input) => ctx.Service<OrderDesk>().ConfirmAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("The ticket worked: the seller is paid and both of you gain credit points.");
}
