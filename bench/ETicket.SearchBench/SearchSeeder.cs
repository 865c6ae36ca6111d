using System.Diagnostics;
using System.Security.Cryptography;
using ETicket.Domain.DemoData;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.SearchBench;

/// <summary>
/// Fills a migrated database with sellers and <see cref="ListingGenerator"/>'s listings (the demo
/// data's generator, src/Domain/DemoData) through <see cref="BulkInsert"/>, in batches of 10,000 rows, one
/// transaction each. A database already holding exactly the wanted numbers is reused.
/// </summary>
public sealed class SearchSeeder(ETicketDbContext db, SearchBenchOptions options, TextWriter log)
{
    private const int RandomSeed = 20261206;
    private const int BatchSize = 10_000;

    /// <summary>Seeds unless already seeded; returns how long seeding took (zero when reused).</summary>
    public async Task<TimeSpan> SeedIfNeededAsync(CancellationToken cancellationToken)
    {
        // The freshness runs' listings and their seller stay in the database: they are not the seed's.
        var listings = await db.Listings.CountAsync(l => !l.Title.StartsWith(Freshness.TitlePrefix), cancellationToken);
        var members = await db.Members.CountAsync(m => m.PhoneNumber != Freshness.SellerPhoneNumber, cancellationToken);
        if (listings == options.Listings && members == options.Sellers)
        {
            log.WriteLine($"    reusing {listings:N0} listings and {members:N0} sellers already in the database");
            return TimeSpan.Zero;
        }
        if (listings != 0 || members != 0)
            throw new InvalidOperationException(
                $"The bench database holds {listings:N0} listings and {members:N0} members, not {options.Listings:N0} and {options.Sellers:N0}: " +
                "delete it (bench/search.sh --fresh) and run again.");

        var watch = Stopwatch.StartNew();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var random = new Random(RandomSeed);
        var sellers = new List<Member>(options.Sellers);
        for (var i = 0; i < options.Sellers; i++)
            sellers.Add(Member.JoinWithPhoneNumber($"138{i:D8}", $"卖家{i:D5}", now.AddDays(-random.Next(1, 700))));
        await BulkInsert.InsertAsync(db, sellers, cancellationToken);

        var generator = new ListingGenerator(RandomSeed, new TicketCodeVault(RandomNumberGenerator.GetBytes(32)), now, new MarketplaceOptions().PriceCap, "SEARCH");
        var batch = new List<Listing>(BatchSize);
        for (var i = 0; i < options.Listings; i++)
        {
            batch.Add(generator.Make(i, sellers[random.Next(sellers.Count)].Id));
            if (batch.Count < BatchSize)
                continue;
            await BulkInsert.InsertAsync(db, batch, cancellationToken);
            batch.Clear();
            if ((i + 1) % 100_000 == 0)
                log.WriteLine($"    {i + 1:N0} listings in {watch.Elapsed.TotalSeconds:F0} s");
        }
        await BulkInsert.InsertAsync(db, batch, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(db is SqliteETicketDbContext ? "ANALYZE" : "ANALYZE TABLE Listings, Members", cancellationToken);
        log.WriteLine($"    seeded {options.Listings:N0} listings and {sellers.Count:N0} sellers in {watch.Elapsed.TotalSeconds:F1} s");
        return watch.Elapsed;
    }
}
