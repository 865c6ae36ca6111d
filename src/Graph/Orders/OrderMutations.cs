using ETicket.Domain.Common;
using ETicket.Domain.Orders;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Graph.Orders;

/// <summary>Buying and the order's lifecycle: purchase, pay, cancel, confirm, dispute, resolve.</summary>
public sealed class OrderMutations : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type)
    {
        Add<PurchaseListingInputType, PurchaseListingInput>(type, "purchaseListing",
            "Reserves the listing for you; pay before the order's paymentDeadline.",
            (ctx, viewer, input) => ctx.RequestServices!.GetRequiredService<Purchasing>()
                .PurchaseAsync(viewer, input.ListingId, input.IdempotencyKey, ctx.CancellationToken));
        Add<OrderIdInputType<PayOrder>, OrderIdInput>(type, "payOrder",
            "Pays into escrow (sandbox payment) and reveals the ticket code to you. Paying a paid order charges nothing.",
            (ctx, viewer, input) => Desk(ctx).PayAsync(viewer, input.OrderId, ctx.CancellationToken));
        Add<OrderIdInputType<CancelOrder>, OrderIdInput>(type, "cancelOrder",
            "Cancels an order waiting for payment; the listing goes back on sale.",
            (ctx, viewer, input) => Desk(ctx).CancelAsync(viewer, input.OrderId, ctx.CancellationToken));
        Add<OrderIdInputType<ConfirmOrder>, OrderIdInput>(type, "confirmOrder",
            "The ticket worked: the seller is paid and both of you gain credit points.",
            (ctx, viewer, input) => Desk(ctx).ConfirmAsync(viewer, input.OrderId, ctx.CancellationToken));
        Add<DisputeOrderInputType, DisputeOrderInput>(type, "disputeOrder",
            "The ticket did not work: the money stays in escrow until an admin resolves the dispute.",
            (ctx, viewer, input) => Desk(ctx).DisputeAsync(viewer, input.OrderId, input.Reason, ctx.CancellationToken));
        Add<ResolveDisputeInputType, ResolveDisputeInput>(type, "resolveDispute",
            "ADMIN only: refund the buyer, or complete the order for the seller.",
            (ctx, viewer, input) => Desk(ctx).ResolveDisputeAsync(viewer, input.OrderId, input.RefundBuyer, input.Note, ctx.CancellationToken));
    }

    private static OrderDesk Desk(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<OrderDesk>();

    private static void Add<TInputType, TInput>(MutationType type, string name, string description,
        Func<IResolveFieldContext, string, TInput, Task<Outcome<Order>>> run)
        where TInputType : IInputObjectGraphType =>
        type.Field<NonNullGraphType<OrderPayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async ctx => Payload<Order>.From(await run(ctx, ctx.RequireViewerId(), ctx.GetArgument<TInput>("input"))));
}
