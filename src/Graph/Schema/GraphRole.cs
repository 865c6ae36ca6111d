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
