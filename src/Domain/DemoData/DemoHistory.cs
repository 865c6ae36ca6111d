namespace ETicket.Domain.DemoData;

/// <summary>The demo's time line, counted back from the moment it is seeded.</summary>
public static class DemoHistory
{
    /// <summary>
    /// A share of the listings come from a market this far back (<see cref="ListingGenerator"/>'s now),
    /// so some events have passed (their listings expired) and some long vouchers are old but valid.
    /// </summary>
    public static readonly TimeSpan EarlierMarket = TimeSpan.FromDays(180);

    /// <summary>The oldest listing: <see cref="ListingGenerator"/> publishes up to 60 days and a day before its now.</summary>
    public static readonly TimeSpan FirstPublish = EarlierMarket + TimeSpan.FromDays(61);

    /// <summary>How far back the demo's orders go.</summary>
    public static readonly TimeSpan Orders = TimeSpan.FromDays(60);
}
