using ETicket.Domain.Common;
using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

/// <summary>A buyer's step on an order that takes nothing but the order's id (pay, cancel, confirm).</summary>
/// <typeparam name="TName">Names the step's own input type (PayOrderInput...).</typeparam>
public abstract class OrderIdMutation<TName>(
    string field, string description, Func<OrderDesk, string, string, CancellationToken, Task<Outcome<Order>>> step)
    : IFieldContributor<MutationType>
    where TName : IInputName, new()
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<TName>, OrderIdInput, Order>(field,
                (ctx, input) => step(ctx.Service<OrderDesk>(), ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description(description);
}
