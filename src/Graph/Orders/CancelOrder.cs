using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

public sealed class CancelOrder : IInputName { public string Name => "CancelOrderInput"; }

public sealed class CancelOrderMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<CancelOrder>, OrderIdInput, Order>("cancelOrder",
                (ctx, input) => ctx.Service<OrderDesk>().CancelAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("Cancels an order waiting for payment; the listing goes back on sale.");
}
