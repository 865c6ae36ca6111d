namespace ETicket.Graph.Schema;

/// <summary>The role this schema is built for, as graph types see it.</summary>
public sealed record SchemaRole(GraphRole Role)
{
    public bool IsFederated => Role != GraphRole.AllInOne;
    public bool ServesMembers => Role is GraphRole.AllInOne or GraphRole.Members;
    public bool ServesTickets => Role is GraphRole.AllInOne or GraphRole.Tickets;
}
