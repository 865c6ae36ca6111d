using System.Security.Claims;
using ETicket.Domain.Common;
using ETicket.Domain.Members.Services;

namespace ETicket.Graph.Auth;

/// <summary>
/// The last check of an access token, on every transport: its member must be in this database. A
/// validly signed token of a member who is not (after a restore, or with a signing key shared
/// across environments) once published, bought and broke public pages; it is UNAUTHENTICATED now.
/// </summary>
public static class KnownMembers
{
    /// <summary>
    /// Whether <paramref name="user"/>'s member exists. Looked up in a scope of its own: a stream
    /// (SSE, WebSocket) would otherwise hold its request's database context for as long as it is open.
    /// Not cancelled with the request: JwtBearer logs any exception of its events as a server failure,
    /// and a client that left meanwhile is not one; the lookup is one primary key, and what comes after
    /// it sees that the client left.
    /// </summary>
    public static async Task<bool> IncludeAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        if (user.FindFirstValue(Viewer.MemberIdClaim) is not { } memberId || !Ids.IsWellFormed(memberId))
            return false;
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberStanding>().ExistsAsync(memberId, CancellationToken.None);
    }
}
