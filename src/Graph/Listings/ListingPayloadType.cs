using ETicket.Domain.Listings;
using ETicket.Graph.Common;

namespace ETicket.Graph.Listings;

public sealed class ListingPayloadType() : PayloadType<Listing, ListingType>("ListingPayload", "listing");
