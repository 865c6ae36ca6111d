using System.Security.Claims;
using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using GraphQL;

namespace ETicket.Graph.Auth;

/// <summary>Who sent the request, as the access token says.</summary>
public static class Viewer
{
    public const string MemberIdClaim = "sub";
    public const string RoleClaim = "role";

    public static string? ViewerId(this IResolveFieldContext context) => context.User?.FindFirstValue(MemberIdClaim);

    public static bool ViewerIsAdmin(this IResolveFieldContext context) =>
        context.User?.HasClaim(RoleClaim, nameof(Role.Admin)) == true;

    /// <summary>
    /// After a sign-in, the rest of the request (the payload's fields) is answered for the member who
    /// just signed in, e.g. they see their own full phone number.
    /// </summary>
    public static void ActAs(this IResolveFieldContext context, Member member)
    {
        var identity = new ClaimsIdentity([new Claim(MemberIdClaim, member.Id)], authenticationType: "sign-in", MemberIdClaim, RoleClaim);
        identity.AddClaims(member.Roles.Select(role => new Claim(RoleClaim, role.ToString())));
        context.User?.AddIdentity(identity);
    }

    /// <summary>Runs a sign-in and, when it succeeds, answers the rest of the request as the new member (<see cref="ActAs"/>).</summary>
    public static async Task<Outcome<Session>> SignedInAsync(this IResolveFieldContext context, Task<Outcome<Session>> signIn)
    {
        var outcome = await signIn;
        if (outcome.Value is { } session)
            context.ActAs(session.Member);
        return outcome;
    }

    /// <summary>The signed-in member's id; UNAUTHENTICATED for anonymous requests.</summary>
    public static string RequireViewerId(this IResolveFieldContext context) =>
        context.ViewerId() ?? throw AccessDeniedException.SignInRequired();
}
