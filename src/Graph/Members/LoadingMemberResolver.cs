using ETicket.Domain.Common;
using ETicket.Domain.Members;
using ETicket.Graph.Common;
using GraphQL;
using GraphQL.DataLoader;

namespace ETicket.Graph.Members;

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
