using ETicket.Domain.Members;
using ETicket.Domain.Members.Services;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class SetBlacklistedInput
{
    public string MemberId { get; set; } = "";
    public bool Blacklisted { get; set; }
    public string? Reason { get; set; }
}

public sealed class SetBlacklistedInputType : InputObjectGraphType<SetBlacklistedInput>
{
    public SetBlacklistedInputType()
    {
        Name = "SetBlacklistedInput";
        Field(i => i.MemberId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Blacklisted).Description("true bars the member from trading and withdraws their listings on sale; false lifts the bar.");
        Field(i => i.Reason, nullable: true);
    }
}

public sealed class SetBlacklistedPayloadType() : PayloadType<Member, MemberType>("SetBlacklistedPayload", "member");

/// <summary>Admins bar a member from trading, or lift the bar.</summary>
public sealed class SetBlacklistedMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<SetBlacklistedPayloadType, SetBlacklistedInputType, SetBlacklistedInput, Member>("setBlacklisted",
                (ctx, input) => ctx.Service<Blacklist>().SetAsync(ctx.RequireViewerId(), input.MemberId, input.Blacklisted, input.Reason, ctx.CancellationToken))
            .Description("ADMIN only.");
}
