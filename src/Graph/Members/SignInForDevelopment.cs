using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        type.Field<NonNullGraphType<SignInPayloadType>>("signInForDevelopment")
            .Argument<NonNullGraphType<SignInForDevelopmentInputType>>("input")
            .WithSignInRateLimit()
            .ResolveAsync(async ctx =>
            {
                if (!environment.IsDevelopment())
                    throw AccessDeniedException.Forbidden("signInForDevelopment works only in the Development environment.");
                var input = ctx.GetArgument<SignInForDevelopmentInput>("input");
                var outcome = await ctx.RequestServices!.GetRequiredService<DevelopmentSignIn>()
                    .SignInAsync(input.PhoneNumber, input.Nickname, ctx.CancellationToken);
                if (outcome.Value is { } session)
                    ctx.ActAs(session.Member);
                return Payload<Domain.Members.Sessions.Session>.From(outcome);
            });
}
