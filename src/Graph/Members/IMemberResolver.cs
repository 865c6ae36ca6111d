using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Graph.Common;
using GraphQL;
using GraphQL.DataLoader;

namespace ETicket.Graph.Members;

/// <summary>
/// Turns a member id into what a Member field returns: the full member, batched, where this process
/// serves the members module; otherwise a reference the gateway resolves through the members subgraph.
/// </summary>
public interface IMemberResolver
{
    /// <summary>The member with this id, or null when there is none (<c>member(id)</c>, <c>me</c>).</summary>
    IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId);

    /// <summary>
    /// The member a row refers to (a seller, a buyer, a gateway's entity reference): never null, a
    /// stand-in (<see cref="Member.Missing"/>) when the member is not there, because every field
    /// that refers to a member is non-null and one missing seller would otherwise null a whole page.
    /// </summary>
    IDataLoaderResult<IEntity?> ResolveReferenced(IResolveFieldContext context, string memberId);
}

public sealed class LoadingMemberResolver(ILogger<LoadingMemberResolver> logger) : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        context.Service<MemberLoader>().Load(context, memberId);

    public IDataLoaderResult<IEntity?> ResolveReferenced(IResolveFieldContext context, string memberId) =>
        Resolve(context, memberId).Then<IEntity?, IEntity?>(member => member ?? StandIn(memberId));

    private IEntity StandIn(string memberId)
    {
        // Data an operator should look at: a row refers to a member the database does not have.
        logger.LogWarning("Member {MemberId} is referenced but missing; answering with a stand-in", memberId);
        return Member.Missing(memberId);
    }
}

public sealed class ReferenceMemberResolver : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        new Loaded<IEntity?>(new MemberReference(memberId));

    // The members subgraph completes the reference, with a stand-in when the member is missing there.
    public IDataLoaderResult<IEntity?> ResolveReferenced(IResolveFieldContext context, string memberId) => Resolve(context, memberId);
}
