using ETicket.Domain.Common;
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
    IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId);
}

public sealed class LoadingMemberResolver : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        context.Service<MemberLoader>().LoadAs<IEntity>(memberId);
}

public sealed class ReferenceMemberResolver : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        new Loaded<IEntity?>(new MemberReference(memberId));
}
