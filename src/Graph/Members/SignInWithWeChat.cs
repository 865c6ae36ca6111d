using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Members.WeChat;
using ETicket.Graph.Auth;
using ETicket.Graph.Common;
using ETicket.Graph.Schema;
using GraphQL.Types;

namespace ETicket.Graph.Members;

public sealed class SignInWithWeChatInput
{
    public string Code { get; set; } = "";
    public string? Nickname { get; set; }
    public string? AvatarUrl { get; set; }
}

public sealed class SignInWithWeChatInputType : InputObjectGraphType<SignInWithWeChatInput>
{
    public SignInWithWeChatInputType()
    {
        Name = "SignInWithWeChatInput";
        Field(i => i.Code).Description("The code that wx.login() gives the mini-program; it works once.");
        Field(i => i.Nickname, nullable: true).Description("The nickname of a member this sign-in creates; an existing member keeps theirs.");
        Field(i => i.AvatarUrl, nullable: true).Description("The avatar of a member this sign-in creates; an existing member keeps theirs.");
    }
}

/// <summary>Sign-in from the mini-program: the first sign-in of a WeChat user creates the member.</summary>
public sealed class SignInWithWeChatMutation : IFieldContributor<MutationType>
{
    public void AddFields(MutationType type) =>
        type.AddPayloadMutation<SignInPayloadType, SignInWithWeChatInputType, SignInWithWeChatInput, Session>("signInWithWeChat",
                (ctx, input) => ctx.SignedInAsync(ctx.Service<WeChatSignIn>().SignInAsync(input.Code, input.Nickname, input.AvatarUrl, ctx.CancellationToken)))
            .Description("Signs in with the code from wx.login(). When WeChat refuses or fails, `errors` holds WECHAT_SIGN_IN_FAILED saying why.")
            .WithSignInRateLimit();
}
