namespace ETicket.Domain.Orders.Payments;

/// <summary>Pays <paramref name="Amount"/> to the seller, whose WeChat openid is <paramref name="PayeeOpenId"/> where they signed in with WeChat.</summary>
/// <param name="TransferNumber">Ours, unique per attempt: asking again with it pays nothing more.</param>
public sealed record PayoutRequest(string OrderId, string TransferNumber, string? PayeeOpenId, decimal Amount, string Remark);
