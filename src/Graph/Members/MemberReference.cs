using ETicket.Domain.Common;

namespace ETicket.Graph.Members;

/// <summary>A member known only by id: what the tickets subgraph returns for the gateway to complete.</summary>
public sealed class MemberReference : IEntity
{
    public MemberReference() { }

    public MemberReference(string id) => Id = id;

    public string Id { get; set; } = "";
}
