namespace ETicket.Graph.Listings;

/// <summary>A listing as the gateway names it in <c>_entities</c>.</summary>
public sealed class ListingReference
{
    public string Id { get; set; } = "";
}
