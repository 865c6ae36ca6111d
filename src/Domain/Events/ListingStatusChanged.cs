using ETicket.Domain.Listings;

namespace ETicket.Domain.Events;

/// <summary>Reserved, sold, withdrawn, expired, or on sale again.</summary>
public sealed record ListingStatusChanged(string ListingId, string SellerId, ListingStatus Status) : DomainEvent;
