using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

public sealed class PayOrder : IInputName { public string Name => "PayOrderInput"; }

public sealed class PayOrderMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<PayOrder>, OrderIdInput, Order>("payOrder",
                (ctx, input) => ctx.Service<OrderDesk>().PayAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("Pays into escrow (sandbox payment) and reveals the ticket code to you. Paying a paid order charges nothing.");
}
