using System.Globalization;
using ETicket.Domain.Common;
using ETicket.Domain.DemoData;
using ETicket.Domain.DemoData.Services;
using ETicket.Domain.Persistence;
using ETicket.Graph.Hosting;
using ETicket.Graph.Search;

namespace ETicket.Graph.DemoData;

/// <summary>
/// <c>dotnet run --project src/Graph -- seed [--listings N] [--seed S] [--force] [settings]</c>: fills
/// an empty database with a demo market (members, listings in every category and thirty cities,
/// orders in every state; see <see cref="DemoDataSeeder"/>), then asks for a search reindex, since
/// the listings are written in bulk, without the events the index follows (docs/running.md). It
/// builds the platform's host from the same settings as the platform, migrates the database,
/// seeds, prints what it made and exits. It refuses a database with members (unless forced) and
/// one a running platform serves.
/// </summary>
public static class SeedCommand
{
    public const int Refused = 1;
    public const int BadArguments = 2;

    public static bool Matches(string[] args) => args is ["seed", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        if (args is [_, "--help" or "-h"])
        {
            output.WriteLine(SeedArguments.Usage);
            return 0;
        }
        var (arguments, error) = SeedArguments.Parse(args[1..]);
        if (arguments is null)
        {
            errors.WriteLine(error);
            errors.WriteLine(SeedArguments.Usage);
            return BadArguments;
        }

        // All in one, whatever the role configured: the demo fills both modules' tables, and their
        // subgraphs share the database.
        await using var host = PlatformHost.Build([.. arguments.Settings, "--ETicket:Role=AllInOne"], services => services.AddDemoDataSeeding());
        await host.MigrateDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
        var members = await seeder.CountMembersAsync(cancellationToken);
        if (members > 0 && !arguments.Force)
        {
            errors.WriteLine(Invariant($"The database already has {members:N0} members, so seed changed nothing: it fills an empty database."));
            errors.WriteLine("Run it with --force to add the demo data to what is there.");
            return Refused;
        }
        if (await seeder.PlatformIsRunningAsync(cancellationToken))
        {
            errors.WriteLine("The platform is running on this database, so seed changed nothing: stop it first, since its sweep would race the demo's orders.");
            errors.WriteLine("Start it again after seeding: its search index then picks up the demo. (A process that died holds on for 10 s.)");
            return Refused;
        }

        var size = new DemoDataSize(arguments.Listings);
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var started = clock.GetTimestamp();
        output.WriteLine(Invariant($"Seeding {size.Listings:N0} listings, {size.Members:N0} members and about {size.Orders:N0} orders (seed {arguments.Seed}):"));
        await seeder.SeedAsync(size, arguments.Seed, output, cancellationToken);
        var reindex = await SearchReindexCommand.RequestAsync(host.Services, cancellationToken);
        var took = clock.GetElapsedTime(started);

        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        Print(await DemoDataSummary.ReadAsync(db, clock.Now(), cancellationToken), took, output);
        output.WriteLine($"Search: reindex requested (outbox #{reindex}); the platform rebuilds its search index from the database when it next starts.");
        return 0;
    }

    private static void Print(DemoDataSummary summary, TimeSpan took, TextWriter output)
    {
        static string Counts<TKey>(IReadOnlyDictionary<TKey, int> counts) where TKey : struct, Enum =>
            string.Join(", ", counts.Select(c => Invariant($"{ContractNames.Of(c.Key)} {c.Value:N0}")));

        output.WriteLine(Invariant($"Seeded in {took.TotalSeconds:F1} s. The database now holds:"));
        output.WriteLine(Invariant($"  members   {summary.Members:N0}: {Counts(summary.MembersByLevel)}; {summary.Blacklisted:N0} blacklisted"));
        if (summary.AdminPhoneNumbers.Count > 0)
            output.WriteLine($"            admin {string.Join(", ", summary.AdminPhoneNumbers)} (list it in ETicket:Members:Admins to sign in as it)");
        output.WriteLine(Invariant($"  listings  {summary.Listings:N0} in {summary.Cities} cities, {summary.OnSaleNow:N0} on sale now"));
        output.WriteLine($"            {Counts(summary.ListingsByCategory)}");
        output.WriteLine($"            {Counts(summary.ListingsByStatus)}");
        output.WriteLine(Invariant($"  orders    {summary.Orders:N0}: {Counts(summary.OrdersByStatus)}"));
        output.WriteLine(Invariant($"  ledger    {summary.LedgerEntries:N0} entries; {Money.Format(summary.HeldInEscrow)} held in escrow for the PAID and DISPUTED orders"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
