using ETicket.Domain.Common;
using ETicket.Domain.Members.Services;
using ETicket.Domain.Members.Sessions;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class SignInForDevelopmentInput
{
    public string PhoneNumber { get; set; } = "";
    public string? Nickname { get; set; }
}

public sealed class SignInForDevelopmentInputType : InputObjectGraphType<SignInForDevelopmentInput>
{
    public SignInForDevelopmentInputType()
    {
        Name = "SignInForDevelopmentInput";
        Description = "Works only where the platform runs in its Development environment; elsewhere the field answers FORBIDDEN.";
        Field(i => i.PhoneNumber);
        Field(i => i.Nickname, nullable: true);
    }
}

/// <summary>
/// Sign-in by phone number alone, for development and tests. The field is in every environment's
/// schema (one contract everywhere) and answers FORBIDDEN outside Development.
/// </summary>
public sealed class SignInForDevelopmentMutation(IHostEnvironment environment) : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<SignInPayloadType, SignInForDevelopmentInputType, SignInForDevelopmentInput, Session>("signInForDevelopment",
                (ctx, input) => environment.IsDevelopment()
                    ? ctx.SignedInAsync(ctx.Service<DevelopmentSignIn>().SignInAsync(input.PhoneNumber, input.Nickname, ctx.CancellationToken))
                    : throw AccessDeniedException.Forbidden("signInForDevelopment works only in the Development environment."))
            .WithSignInRateLimit();
}
