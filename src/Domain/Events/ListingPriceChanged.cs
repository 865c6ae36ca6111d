namespace ETicket.Domain.Events;

public sealed record ListingPriceChanged(string ListingId, string SellerId, decimal Price) : DomainEvent;
