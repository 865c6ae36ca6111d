namespace ETicket.Domain.DemoData;

/// <summary>How much demo data one run makes: the listings asked for, and the members and orders in proportion.</summary>
public sealed record DemoDataSize(int Listings)
{
    /// <summary>Fewer could not show thirty cities, six categories and every order state at once.</summary>
    public const int MinListings = 100;

    /// <summary>A million is the search benchmark's market; more is a mistake, not a demo.</summary>
    public const int MaxListings = 1_000_000;

    /// <summary>null when <paramref name="listings"/> is a size the command makes, else why not.</summary>
    public static string? Check(long listings) =>
        listings is < MinListings or > MaxListings
            ? $"--listings must be from {MinListings:N0} to {MaxListings:N0}; {listings:N0} is not."
            : null;

    /// <summary>About twenty listings per member, as in the market-page benchmark; at least enough to trade among.</summary>
    public int Members => Math.Clamp(Listings / 20, 40, 50_000);

    /// <summary>
    /// Orders in every state, for one listing in fifty. Each is a few steps through the platform's
    /// services, a transaction each (about 10 ms), so they are bounded to keep seeding quick.
    /// </summary>
    public int Orders => Math.Clamp(Listings / 50, 12, 1_000);

    /// <summary>About one member in a hundred, and at least one, so the demo shows a blacklisting.</summary>
    public int Blacklisted => Math.Max(1, Members / 100);
}
