using ETicket.Domain.Orders;
using ETicket.Domain.Orders.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders;

public sealed class PurchaseListingInput
{
    public string ListingId { get; set; } = "";
    public string? IdempotencyKey { get; set; }
}

public sealed class PurchaseListingInputType : InputObjectGraphType<PurchaseListingInput>
{
    public PurchaseListingInputType()
    {
        Name = "PurchaseListingInput";
        Field(i => i.ListingId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.IdempotencyKey, nullable: true)
            .Description("Sending the same key again returns the first order instead of buying twice; kept 24 hours.");
    }
}

public sealed class PurchaseListingMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<OrderPayloadType, PurchaseListingInputType, PurchaseListingInput, Order>("purchaseListing",
                (ctx, input) => ctx.Service<Purchasing>().PurchaseAsync(ctx.RequireViewerId(), input.ListingId, input.IdempotencyKey, ctx.CancellationToken))
            .Description("Reserves the listing for you; pay before the order's paymentDeadline.");
}
