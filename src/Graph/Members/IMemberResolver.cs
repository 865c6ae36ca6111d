using ETicket.Domain.Common;
using GraphQL;
using ETicket.Graph.Common;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;

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
        context.RequestServices!.GetRequiredService<MemberLoader>().LoadAs<IEntity>(memberId);
}

public sealed class ReferenceMemberResolver : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        new Loaded<IEntity?>(new MemberReference(memberId));
}
