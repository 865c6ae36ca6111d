namespace ETicket.Domain.DemoData;

/// <summary>A demo order: who buys which listing, and its steps in time order, the purchase first.</summary>
public sealed record PlannedOrder(string ListingId, string SellerId, string BuyerId, OrderStory Story, IReadOnlyList<PlannedStep> Steps,
    string DisputeReason, string ResolutionNote);

/// <summary>A listing on sale that a demo order may buy, and the times it may be bought between.</summary>
public sealed record OrderableListing(string Id, string SellerId, DateTimeOffset PublishedAt, DateTimeOffset ExpiresAt);
