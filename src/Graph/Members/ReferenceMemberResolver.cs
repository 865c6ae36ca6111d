using ETicket.Domain.Common;
using ETicket.Graph.Common;
using GraphQL;
using GraphQL.DataLoader;

namespace ETicket.Graph.Members;

public sealed class ReferenceMemberResolver : IMemberResolver
{
    public IDataLoaderResult<IEntity?> Resolve(IResolveFieldContext context, string memberId) =>
        new Loaded<IEntity?>(new MemberReference(memberId));

    // The members subgraph completes the reference, with a stand-in when the member is missing there.
    public IDataLoaderResult<IEntity?> ResolveReferenced(IResolveFieldContext context, string memberId) => Resolve(context, memberId);
}
