namespace ETicket.Domain.Wanted;

/// <summary>A listing found for a wanted request; recorded once, so a redelivered event matches nothing twice.</summary>
public sealed class WantedMatch
{
    private WantedMatch() { }

    public long Id { get; private set; }
    public string WantedRequestId { get; private set; } = "";
    public string ListingId { get; private set; } = "";
    public DateTimeOffset MatchedAt { get; private set; }

    public static WantedMatch Record(string wantedRequestId, string listingId, DateTimeOffset now) =>
        new() { WantedRequestId = wantedRequestId, ListingId = listingId, MatchedAt = now };
}
