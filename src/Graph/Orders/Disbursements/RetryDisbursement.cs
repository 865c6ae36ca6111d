using ETicket.Domain.Orders.Disbursements;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Orders.Disbursements;

public sealed class RetryDisbursementInput : OrderIdInput
{
    public DisbursementKind Kind { get; set; }
}

public sealed class RetryDisbursementInputType : InputObjectGraphType<RetryDisbursementInput>
{
    public RetryDisbursementInputType()
    {
        Name = "RetryDisbursementInput";
        Field(i => i.OrderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Kind, type: typeof(NonNullGraphType<DisbursementKindType>));
    }
}

public sealed class DisbursementPayloadType() : PayloadType<Disbursement, DisbursementType>("DisbursementPayload", "disbursement");

public sealed class RetryDisbursementMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<DisbursementPayloadType, RetryDisbursementInputType, RetryDisbursementInput, Disbursement>("retryDisbursement",
                (ctx, input) => ctx.Service<DisbursementDesk>().RetryAsync(ctx.RequireViewerId(), input.OrderId, input.Kind, ctx.CancellationToken))
            .Description("ADMIN only: tries a FAILED refund or payout again, as a new attempt with a new number at the provider.");
}
