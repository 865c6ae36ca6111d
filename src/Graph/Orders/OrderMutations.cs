using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Orders;

/// <summary>Buying and the order's lifecycle: purchase, pay, cancel, confirm, dispute, resolve.</summary>
public sealed class OrderMutations : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type)
    {
        type.AddPayloadMutation<OrderPayloadType, PurchaseListingInputType, PurchaseListingInput, Order>("purchaseListing",
                (ctx, input) => ctx.Service<Purchasing>().PurchaseAsync(ctx.RequireViewerId(), input.ListingId, input.IdempotencyKey, ctx.CancellationToken))
            .Description("Reserves the listing for you; pay before the order's paymentDeadline.");
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<PayOrder>, OrderIdInput, Order>("payOrder",
                (ctx, input) => ctx.Service<OrderDesk>().PayAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("Pays into escrow (sandbox payment) and reveals the ticket code to you. Paying a paid order charges nothing.");
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<CancelOrder>, OrderIdInput, Order>("cancelOrder",
                (ctx, input) => ctx.Service<OrderDesk>().CancelAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("Cancels an order waiting for payment; the listing goes back on sale.");
        type.AddPayloadMutation<OrderPayloadType, OrderIdInputType<ConfirmOrder>, OrderIdInput, Order>("confirmOrder",
                (ctx, input) => ctx.Service<OrderDesk>().ConfirmAsync(ctx.RequireViewerId(), input.OrderId, ctx.CancellationToken))
            .Description("The ticket worked: the seller is paid and both of you gain credit points.");
        type.AddPayloadMutation<OrderPayloadType, DisputeOrderInputType, DisputeOrderInput, Order>("disputeOrder",
                (ctx, input) => ctx.Service<OrderDesk>().DisputeAsync(ctx.RequireViewerId(), input.OrderId, input.Reason, ctx.CancellationToken))
            .Description("The ticket did not work: the money stays in escrow until an admin resolves the dispute.");
        type.AddPayloadMutation<OrderPayloadType, ResolveDisputeInputType, ResolveDisputeInput, Order>("resolveDispute",
                (ctx, input) => ctx.Service<OrderDesk>().ResolveDisputeAsync(ctx.RequireViewerId(), input.OrderId, input.RefundBuyer, input.Note, ctx.CancellationToken))
            .Description("ADMIN only: refund the buyer, or complete the order for the seller.");
    }
}
