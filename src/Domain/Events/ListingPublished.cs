using ETicket.Domain.Listings;

namespace ETicket.Domain.Events;

public sealed record ListingPublished(string ListingId, string SellerId, TicketCategory Category, string? City) : DomainEvent;
