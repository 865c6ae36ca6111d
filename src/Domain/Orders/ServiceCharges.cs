using ETicket.Domain.Members;

namespace ETicket.Domain.Orders;

public static class ServiceCharges
{
    /// <summary>Tiers as the original system defined them: (prices below this, pay this).</summary>
    private static readonly (decimal Below, decimal Charge)[] Tiers =
    [
        (10m, 0.10m),
        (50m, 0.50m),
        (100m, 1.00m),
        (1000m, 2.00m),
    ];

    private const decimal TopTierCharge = 5.00m;

    public static decimal DiscountFor(MembershipLevel level) => level switch
    {
        MembershipLevel.Normal => 0.99m,
        MembershipLevel.Silver => 0.97m,
        MembershipLevel.Golden => 0.95m,
        MembershipLevel.Diamond => 0.90m,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The tier's charge times the level's discount, rounded half-up to cents.</summary>
    public static ServiceChargeQuote Quote(decimal price, MembershipLevel level)
    {
        var tier = TopTierCharge;
        foreach (var (below, charge) in Tiers)
        {
            if (price < below)
            {
                tier = charge;
                break;
            }
        }
        var serviceCharge = Math.Round(tier * DiscountFor(level), 2, MidpointRounding.AwayFromZero);
        return new ServiceChargeQuote(price, serviceCharge, level);
    }
}
