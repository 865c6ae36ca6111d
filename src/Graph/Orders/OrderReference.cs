namespace ETicket.Graph.Orders;

/// <summary>An order as the gateway names it in <c>_entities</c>.</summary>
public sealed class OrderReference
{
    public string Id { get; set; } = "";
}
