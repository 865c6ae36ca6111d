using ETicket.Domain.Wanted;
using ETicket.Domain.Wanted.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Wanted;

public sealed class CloseWantedRequestInput
{
    public string WantedRequestId { get; set; } = "";
}

public sealed class CloseWantedRequestInputType : InputObjectGraphType<CloseWantedRequestInput>
{
    public CloseWantedRequestInputType()
    {
        Name = "CloseWantedRequestInput";
        Field(i => i.WantedRequestId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

public sealed class CloseWantedRequestMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<WantedRequestPayloadType, CloseWantedRequestInputType, CloseWantedRequestInput, WantedRequest>("closeWantedRequest",
                (ctx, input) => ctx.Service<WantedRequests>().CloseAsync(ctx.RequireViewerId(), input.WantedRequestId, ctx.CancellationToken))
            .Description("The member who posted a wanted request closes it: it leaves the board and matches nothing more.");
}
