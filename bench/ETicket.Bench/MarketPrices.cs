using ETicket.Domain.Listings;

namespace ETicket.Bench;

/// <summary>
/// The prices and start times the benchmarks' generated markets share. Each draws from the caller's
/// random source in a fixed order, so a seed keeps giving the same market.
/// </summary>
public static class MarketPrices
{
    /// <summary>A face value in tens of yuan, in the range a ticket of <paramref name="category"/> sells for.</summary>
    public static decimal FaceValue(TicketCategory category, Random random) => category switch
    {
        TicketCategory.Concert => random.Next(38, 200) * 10m,
        TicketCategory.Show => random.Next(8, 100) * 10m,
        TicketCategory.Admission => random.Next(10, 60) * 10m,
        _ => random.Next(3, 40) * 10m,
    };

    /// <summary>An asking price from 60 % to 150 % of the face value, to the fen.</summary>
    public static decimal Price(decimal faceValue, Random random) =>
        Math.Round(faceValue * (0.6m + (decimal)random.NextDouble() * 0.9m), 2);

    /// <summary>Vouchers and memberships often have no start (STARTS_AT_ASC puts those last).</summary>
    public static DateTimeOffset? StartOf(TicketCategory category, DateTimeOffset startsAt, Random random) =>
        category is TicketCategory.Food or TicketCategory.Entertainment && random.Next(3) == 0 ? null : startsAt;
}
