using System.Text.Json;
using System.Text.Json.Serialization;
using ETicket.Domain.Listings;
using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

public sealed record OrderStatusChanged(string OrderId, string ListingId, string BuyerId, string SellerId, OrderStatus Status) : DomainEvent;
