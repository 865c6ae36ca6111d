using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

public sealed record ListingPriceChanged(string ListingId, string SellerId, decimal Price) : DomainEvent;
