using ETicket.Domain.Wanted;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

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
        type.Field<NonNullGraphType<WantedRequestPayloadType>>("closeWantedRequest")
            .Description("The member who posted a wanted request closes it: it leaves the board and matches nothing more.")
            .Argument<NonNullGraphType<CloseWantedRequestInputType>>("input")
            .ResolveAsync(async ctx =>
            {
                var memberId = ctx.RequireViewerId();
                var input = ctx.GetArgument<CloseWantedRequestInput>("input");
                var outcome = await ctx.RequestServices!.GetRequiredService<WantedRequests>()
                    .CloseAsync(memberId, input.WantedRequestId, ctx.CancellationToken);
                return Payload<WantedRequest>.From(outcome);
            });
}
