namespace ETicket.Domain.Orders.Payments;

/// <summary>What the buyer is asked to pay for one order.</summary>
public sealed record PaymentRequest(string OrderId, string BuyerId, decimal Amount);
