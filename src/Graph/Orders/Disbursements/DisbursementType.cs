using ETicket.Domain.Orders.Disbursements;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using ETicket.Graph.Subscriptions;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

public sealed class DisbursementType : ObjectGraphType<Disbursement>
{
    public DisbursementType()
    {
        Name = "Disbursement";
        Description = "Money leaving an order's escrow through the payment provider: a refund to the buyer, or the seller's payout. " +
                      "The ledger records it once the provider says the money arrived (SUCCEEDED).";
        Field<NonNullGraphType<OrderType>>("order").Resolve(ctx => ctx.Service<OrderLoader>().Load(ctx.Source.OrderId));
        Field<NonNullGraphType<DisbursementKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<DisbursementStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DecimalScalar>>("amount").Resolve(ctx => ctx.Source.Amount);
        Field<NonNullGraphType<IntGraphType>>("attempt").Description("1 for the first attempt; an admin's retry of a failed one adds one.")
            .Resolve(ctx => ctx.Source.Attempt);
        Field<StringGraphType>("failure").Description("Why the provider gave up, when FAILED.").Resolve(ctx => ctx.Source.Failure);
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeScalar>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<DateTimeScalar>("succeededAt").Resolve(ctx => ctx.Source.SucceededAt);
        Field<StringGraphType>("payeeConfirmation")
            .Description("While AWAITING_PAYEE, to the payee only: the package the mini-program passes to wx.requestMerchantTransfer, " +
                         "where the seller accepts the transfer (docs/payments.md).")
            .DependsOnViewer()
            .Resolve(ctx => ctx.ViewerId() == ctx.Source.PayeeId ? ctx.Source.PayeeConfirmation : null);
    }
}
