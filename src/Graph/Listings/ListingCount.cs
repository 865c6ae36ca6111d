namespace ETicket.Graph.Listings;

/// <summary>A seller's listing total, boxed for the loader's cache.</summary>
public sealed record ListingCount(int Count);
