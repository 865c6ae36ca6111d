using ETicket.Domain.Listings;

namespace ETicket.Graph.Listings;

/// <summary>One seller's listings as a page: which seller, which status, which page.</summary>
public sealed record SellerListingsKey(string SellerId, ListingStatus? Status, int Size, string? After);
