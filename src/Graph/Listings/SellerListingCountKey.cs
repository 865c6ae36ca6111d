using ETicket.Domain.Listings;

namespace ETicket.Graph.Listings;

public sealed record SellerListingCountKey(string SellerId, ListingStatus? Status);
