using ETicket.Domain.Common;
using ETicket.Domain.Members;
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
