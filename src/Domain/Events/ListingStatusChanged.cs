using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

/// <summary>Reserved, sold, withdrawn, expired, or on sale again.</summary>
public sealed record ListingStatusChanged(string ListingId, string SellerId, ListingStatus Status) : DomainEvent;
