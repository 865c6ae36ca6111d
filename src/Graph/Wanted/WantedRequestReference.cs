namespace ETicket.Graph.Wanted;

/// <summary>A wanted request as the gateway names it in <c>_entities</c>.</summary>
public sealed class WantedRequestReference
{
    public string Id { get; set; } = "";
}
