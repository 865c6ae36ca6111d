using ETicket.Domain.Orders;

namespace ETicket.Domain.Events;

public sealed record OrderStatusChanged(string OrderId, string ListingId, string BuyerId, string SellerId, OrderStatus Status) : DomainEvent;
