using ETicket.Domain.Members;

namespace ETicket.Domain.Orders;

/// <summary>What a buyer pays: the price plus a service charge by price tier, discounted by level.</summary>
public sealed record ServiceChargeQuote(decimal Price, decimal ServiceCharge, MembershipLevel Level)
{
    public decimal Total => Price + ServiceCharge;
}
