namespace ETicket.Domain.Orders.Payments;

/// <summary>Gives <paramref name="Amount"/> of the order's payment (of <paramref name="PaymentTotal"/>) back to the payer.</summary>
/// <param name="RefundNumber">Ours, unique per refund: asking again with it refunds nothing more.</param>
public sealed record RefundRequest(string OrderId, string RefundNumber, decimal Amount, decimal PaymentTotal, string Reason);
