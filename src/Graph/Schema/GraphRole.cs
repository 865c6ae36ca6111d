namespace ETicket.Graph.Schema;

/// <summary>Which part of the platform this process serves (configuration <c>ETicket:Role</c>).</summary>
public enum GraphRole
{
    /// <summary>Both modules in one schema at /graphql: the embedded default.</summary>
    AllInOne,

    /// <summary>The members subgraph, for Hive Gateway.</summary>
    Members,

    /// <summary>The tickets subgraph, for Hive Gateway.</summary>
    Tickets,
}

/// <summary>The role this schema is built for, as graph types see it.</summary>
public sealed record SchemaRole(GraphRole Role)
{
    public bool IsFederated => Role != GraphRole.AllInOne;
    public bool ServesMembers => Role is GraphRole.AllInOne or GraphRole.Members;
    public bool ServesTickets => Role is GraphRole.AllInOne or GraphRole.Tickets;
}
