namespace ETicket.Domain.Orders.Payments;

/// <summary>What the buyer is asked to pay for one order, by <paramref name="Deadline"/>.</summary>
/// <param name="PayerOpenId">The buyer's WeChat openid, where they signed in with WeChat.</param>
public sealed record PaymentRequest(string OrderId, string Description, decimal Amount, string? PayerOpenId, DateTimeOffset Deadline);
