using ETicket.Domain.Members.Services;
using ETicket.Domain.Members.Sessions;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class RefreshSessionInput
{
    public string RefreshToken { get; set; } = "";
}

public sealed class RefreshSessionInputType : InputObjectGraphType<RefreshSessionInput>
{
    public RefreshSessionInputType()
    {
        Name = "RefreshSessionInput";
        Field(i => i.RefreshToken).Description("The refresh token of the current session; it works once.");
    }
}

/// <summary>A new session for a refresh token; the old refresh token stops working.</summary>
public sealed class RefreshSessionMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<SignInPayloadType, RefreshSessionInputType, RefreshSessionInput, Session>("refreshSession",
                (ctx, input) => ctx.SignedInAsync(ctx.Service<SessionRefresher>().RefreshAsync(input.RefreshToken, ctx.CancellationToken)))
            .Description("Trades a refresh token for a new session. Presenting a refresh token twice ends every session of its sign-in.")
            .WithSignInRateLimit();
}
