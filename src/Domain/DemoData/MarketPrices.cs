using ETicket.Domain.Listings;

namespace ETicket.Domain.DemoData;

/// <summary>
/// The prices and start times of generated markets (the demo data and the benchmarks). Each draws
/// from the caller's random source in a fixed order, so a seed keeps giving the same market.
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

    /// <summary>
    /// An asking price from 60 % of the face value up to the price cap above it (120 % at the default
    /// cap), to the fen: what <see cref="PublishListingRules"/> lets a seller ask.
    /// </summary>
    /// <param name="priceCap">MarketplaceOptions.PriceCap: 0.20 allows 20 % above the face value.</param>
    public static decimal Price(decimal faceValue, decimal priceCap, Random random) =>
        // Rounded down, so the cap itself is never passed by rounding.
        Math.Floor(faceValue * (0.6m + (decimal)random.NextDouble() * (0.4m + priceCap)) * 100) / 100;

    /// <summary>Vouchers and memberships often have no start (STARTS_AT_ASC puts those last).</summary>
    public static DateTimeOffset? StartOf(TicketCategory category, DateTimeOffset startsAt, Random random) =>
        category is TicketCategory.Food or TicketCategory.Entertainment && random.Next(3) == 0 ? null : startsAt;
}
