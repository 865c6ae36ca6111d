using System.Diagnostics;
using System.Globalization;
using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Marketplace;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.DemoData.Services;

/// <summary>
/// Fills a database with a realistic demo market. Members and listings are made by the domain's
/// factories (<see cref="MemberGenerator"/>, <see cref="ListingGenerator"/>, ticket codes sealed by
/// the platform's vault) and written in bulk (<see cref="BulkInsert"/>), since publishing thousands
/// one by one would take minutes. What members do afterwards, the orders and the blacklistings, is
/// replayed through the platform's services (<see cref="HistoryReplay"/>), so escrow, ledger,
/// reputation and events are what the platform itself makes. One seed gives the same market.
/// </summary>
public sealed class DemoDataSeeder(ETicketDbContext db, TicketCodeVault vault, HistoryReplay history, MarketplaceSweeper sweeper,
    TimeProvider clock, IOptions<MarketplaceOptions> options)
{
    /// <summary>Listings per bulk write: one transaction each, as the benchmarks' seeders do.</summary>
    private const int BatchSize = 10_000;

    /// <summary>Listings from the market <see cref="DemoHistory.EarlierMarket"/> back, in percent.</summary>
    private const int EarlierMarketPercent = 8;

    /// <summary>Members who sell, in percent; the others only buy.</summary>
    private const int SellerPercent = 60;

    private static readonly string[] BlacklistReasons = ["多次出售无效票码", "恶意拍下不付款", "Sold codes that had already been used.", "Harassed buyers in chat."];

    /// <summary>Members already in the database: the command seeds only an empty one unless forced.</summary>
    public Task<int> CountMembersAsync(CancellationToken cancellationToken) => db.Members.CountAsync(cancellationToken);

    /// <summary>
    /// Whether a platform process serving tickets runs on this database now (it holds the outbox
    /// relay's lease). Its sweep would race the replayed past: it would cancel an order of three weeks
    /// ago, unpaid for three weeks by the real clock, between the replayed purchase and payment.
    /// </summary>
    public Task<bool> PlatformIsRunningAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        return db.ProcessLeases.AnyAsync(l => l.Name == ProcessLease.OutboxRelay && l.ExpiresAt > now, cancellationToken);
    }

    /// <param name="log">Where each phase says how long it took.</param>
    public async Task SeedAsync(DemoDataSize size, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.Now();
        var random = new Random(seed);
        var marketplace = options.Value;

        var people = new MemberGenerator(random, now, marketplace, await TakenIdentitiesAsync(cancellationToken));
        var admin = people.MakeAdmin();
        var members = Enumerable.Range(0, size.Members).Select(_ => people.Make()).ToList();
        await BulkInsert.InsertAsync(db, [admin, .. members], cancellationToken);
        log.WriteLine(Invariant($"  {members.Count + 1:N0} members in {watch.Elapsed.TotalSeconds:F1} s"));

        var blacklisted = members.OrderBy(_ => random.Next()).Take(size.Blacklisted).ToDictionary(m => m.Id, m => m.JoinedAt);
        var sellers = members.Where(_ => random.Next(100) < SellerPercent).DefaultIfEmpty(members[0]).ToList();
        var market = await WriteListingsAsync(size, random, now, sellers, blacklisted, cancellationToken);
        log.WriteLine(Invariant($"  {size.Listings:N0} listings in {watch.Elapsed.TotalSeconds:F1} s"));

        // The history ends now, not when seeding began: a big market takes a while to write, and the
        // orders waiting for payment must still be inside their window when seeding ends.
        now = clock.Now();
        var buyers = members.Where(m => !blacklisted.ContainsKey(m.Id)).Select(m => m.Id).ToList();
        var orders = new OrderPlanner(random, now, marketplace).Plan(size.Orders, market, buyers);
        var blacklistings = blacklisted
            .Select(member => new PlannedBlacklisting(member.Key, Min(now - TimeSpan.FromMinutes(1),
                Clock.Truncate(member.Value + TimeSpan.FromMinutes(10 + random.Next(2 * 24 * 60)))), BlacklistReasons[random.Next(BlacklistReasons.Length)]))
            .ToList();
        await history.RunAsync(orders, blacklistings, admin.Id, cancellationToken);
        // What the sweep records now: a listing put back on sale by a cancellation after its time had passed.
        await sweeper.SweepOnceAsync(cancellationToken);
        log.WriteLine(Invariant($"  {orders.Count:N0} orders and {blacklistings.Count:N0} blacklistings in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>
    /// Writes the listings in batches, with the copies of their sellers' profiles the platform makes
    /// at a first publish; returns a sample of those on sale for the orders to buy from.
    /// </summary>
    /// <param name="blacklisted">Members to be blacklisted, and when they were last active: their listings are never bought, and the blacklisting comes after their last publish.</param>
    private async Task<List<OrderableListing>> WriteListingsAsync(DemoDataSize size, Random random, DateTimeOffset now, List<Member> sellers,
        Dictionary<string, DateTimeOffset> blacklisted, CancellationToken cancellationToken)
    {
        var marketplace = options.Value;
        // Codes never repeat an earlier run's (--force), whose listings may still hold theirs on the market.
        var earlierListings = await db.Listings.CountAsync(cancellationToken);
        var codePrefix = earlierListings == 0 ? "DEMO" : $"DEMO{earlierListings}";
        var current = new ListingGenerator(random.Next(), vault, now, marketplace.PriceCap, codePrefix);
        var earlier = new ListingGenerator(random.Next(), vault, now - DemoHistory.EarlierMarket, marketplace.PriceCap, codePrefix);
        // Enough candidates for every order to find a listing that fits its times, without holding a million.
        var sampled = Math.Min(1.0, 40.0 * size.Orders / size.Listings);
        var orderable = new List<OrderableListing>();
        var batch = new List<Listing>(BatchSize);
        for (var i = 0; i < size.Listings; i++)
        {
            // A few sellers list most of the tickets.
            var seller = sellers[(int)(sellers.Count * Math.Pow(random.NextDouble(), 1.5))];
            var listing = (random.Next(100) < EarlierMarketPercent ? earlier : current).Make(i, seller.Id);
            listing.Expire(now);
            if (blacklisted.TryGetValue(seller.Id, out var lastActive))
                blacklisted[seller.Id] = Max(lastActive, listing.PublishedAt);
            else if (listing.Status == ListingStatus.OnSale && random.NextDouble() < sampled)
                orderable.Add(new OrderableListing(listing.Id, listing.SellerId, listing.PublishedAt, listing.ExpiresAt));
            batch.Add(listing);
            if (batch.Count == BatchSize)
            {
                await BulkInsert.InsertAsync(db, batch, cancellationToken);
                batch.Clear();
            }
        }
        await BulkInsert.InsertAsync(db, batch, cancellationToken);
        // Set-based, for any number of sellers: the copy SellerProfiles.CopyIfMissingAsync makes one at a time.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO SellerProfiles (MemberId, Nickname, AvatarUrl) SELECT Id, Nickname, AvatarUrl FROM Members " +
            "WHERE Id IN (SELECT SellerId FROM Listings) AND Id NOT IN (SELECT MemberId FROM SellerProfiles)", cancellationToken);
        // Fresh statistics, as a database that has been running a while would have.
        await db.Database.ExecuteSqlRawAsync(db is SqliteETicketDbContext ? "ANALYZE" : "ANALYZE TABLE Listings, Members", cancellationToken);
        return orderable;
    }

    /// <summary>Phone numbers and openids the members already in the database hold.</summary>
    private async Task<HashSet<string>> TakenIdentitiesAsync(CancellationToken cancellationToken)
    {
        var identities = await db.Members.AsNoTracking()
            .Where(m => m.PhoneNumber != null || m.OpenId != null)
            .Select(m => new { m.PhoneNumber, m.OpenId })
            .ToListAsync(cancellationToken);
        return identities.SelectMany(m => new[] { m.PhoneNumber, m.OpenId }).OfType<string>().ToHashSet();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
