using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Orders;
using ETicket.Domain.Persistence;
using ETicket.Graph.DemoData;
using ETicket.Tests.Infrastructure;
using ETicket.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.DemoData;

/// <summary>
/// <c>seed</c>: a demo market in an empty database, made as the platform would have made it, and
/// found by search after a start; a refusal that writes nothing when there is already data (unless
/// forced), when a platform runs on the database, and for absurd sizes.
/// </summary>
public sealed class SeedCommandTests
{
    private const string DemoAdmin = "13900000000";

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task Seeding_an_empty_database_makes_a_whole_market_the_platform_serves(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();

        var run = await SeedRuns.SeedAsync(database, data, "--listings", "300");

        Assert.True(run.ExitCode == 0, run.Errors);
        Assert.Contains("300 in 30 cities", run.Output);
        await using var server = await PlatformServer.StartAsync(database,
            new Dictionary<string, string?> { ["ETicket:Members:Admins:0"] = DemoAdmin }, dataDirectory: data.Path);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
        var listings = await db.Listings.AsNoTracking().Include(l => l.Text).ToListAsync(TestContext.Current.CancellationToken);
        var orders = await db.Orders.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var members = await db.Members.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(300, listings.Count);
        Assert.Equal(Enum.GetValues<TicketCategory>().Order(), listings.Select(l => l.Category).Distinct().Order());
        Assert.Equal(30, listings.Select(l => l.City).Distinct().Count());
        Assert.Contains(listings, l => l.StartsAt < DateTimeOffset.UtcNow && l.Status == ListingStatus.Expired);
        Assert.True(listings.Select(l => l.Price).Distinct().Count() > 100, "prices are spread");
        Assert.All(listings, l => Assert.True(l.Price <= l.FaceValue * 1.2m, $"{l.Title} is priced above the cap"));
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), orders.Select(o => o.Status).Distinct().Order());
        Assert.True(members.Select(m => m.MembershipLevel).Distinct().Count() >= 3, "members have varied reputation");
        Assert.Contains(members, m => m.IsAdmin && m.PhoneNumber == DemoAdmin);
        var blacklisted = members.Where(m => m.Blacklisted).Select(m => m.Id).ToHashSet();
        Assert.NotEmpty(blacklisted);
        Assert.DoesNotContain(listings, l => blacklisted.Contains(l.SellerId) && l.Status == ListingStatus.OnSale);

        await AssertOrdersSettledAsync(db, orders, listings);
        await AssertSearchFindsEveryListingOnSaleAsync(server, listings);
        await AssertDemoMembersCanActAsync(server, orders, members);
    }

    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_second_run_refuses_and_writes_nothing_unless_forced(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        using var data = new TestDataDirectory();
        Assert.Equal(0, (await SeedRuns.SeedAsync(database, data, "--listings", "100")).ExitCode);
        var seeded = await SeedRuns.SnapshotAsync(database, data);

        var refused = await SeedRuns.SeedAsync(database, data, "--listings", "100");

        Assert.Equal(SeedCommand.Refused, refused.ExitCode);
        Assert.Contains($"already has {seeded.Members} members", refused.Errors);
        Assert.Contains("--force", refused.Errors);
        Assert.Equal(seeded, await SeedRuns.SnapshotAsync(database, data));

        var forced = await SeedRuns.SeedAsync(database, data, "--listings", "100", "--force");

        Assert.True(forced.ExitCode == 0, forced.Errors);
        var twice = await SeedRuns.SnapshotAsync(database, data);
        Assert.Equal(2 * seeded.Members, twice.Members);
        Assert.Equal(200, twice.Listings);
        Assert.True(twice.Orders > seeded.Orders);
        // The second run's codes are its own: both runs' listings hold theirs on the market at once.
        var codes = await SeedRuns.ReadAsync(database, data, db => db.Listings.Select(l => l.TicketCodeHash).ToListAsync());
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public async Task Seeding_while_the_platform_runs_on_the_database_is_refused()
    {
        using var data = new TestDataDirectory();
        var database = new SqliteTestDatabase();
        await using var server = await PlatformServer.StartAsync(dataDirectory: data.Path);
        await UntilRelayingAsync(server);

        var run = await SeedRuns.SeedAsync(database, data, "--listings", "100");

        Assert.Equal(SeedCommand.Refused, run.ExitCode);
        Assert.Contains("The platform is running on this database", run.Errors);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ETicketDbContext>().Members.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("--listings", "0", "--listings must be from 100 to 1,000,000; 0 is not.")]
    [InlineData("--listings", "99", "--listings must be from 100 to 1,000,000")]
    [InlineData("--listings", "1000001", "--listings must be from 100 to 1,000,000")]
    [InlineData("--listings", "99999999999", "--listings must be from 100 to 1,000,000")]
    [InlineData("--listings", "-5", "--listings needs a whole number")]
    [InlineData("--listings", "many", "--listings needs a whole number")]
    [InlineData("--seed", "x", "--seed needs a whole number")]
    [InlineData("--listing", "1000", "Unknown option \"--listing\"")]
    public async Task Absurd_arguments_are_refused_before_the_database_is_touched(string option, string value, string message)
    {
        using var data = new TestDataDirectory();

        var run = await SeedRuns.SeedAsync(new SqliteTestDatabase(), data, option, value);

        Assert.Equal(SeedCommand.BadArguments, run.ExitCode);
        Assert.Contains(message, run.Errors);
        Assert.Contains("Usage:", run.Errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Path));
    }

    /// <summary>
    /// Every order is where the platform's own steps leave it: its ledger moved the money its state
    /// says (double entry, nothing left in escrow but the paid and disputed orders' totals), its
    /// listing's status follows it, and its transitions were announced as events.
    /// </summary>
    private static async Task AssertOrdersSettledAsync(ETicketDbContext db, List<Order> orders, List<Listing> listings)
    {
        var ledger = (await db.LedgerEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).ToLookup(e => e.OrderId);
        var byId = listings.ToDictionary(l => l.Id);
        foreach (var order in orders)
        {
            var expected = Enum.GetValues<LedgerAccount>().ToDictionary(a => a, _ => 0m);
            if (order.Status is OrderStatus.Paid or OrderStatus.Disputed)
                (expected[LedgerAccount.Buyer], expected[LedgerAccount.Escrow]) = (-order.Total, order.Total);
            if (order.Status is OrderStatus.Completed)
                (expected[LedgerAccount.Buyer], expected[LedgerAccount.Seller], expected[LedgerAccount.Platform]) = (-order.Total, order.Price, order.ServiceCharge);
            Assert.Equal(expected, OrderRequests.Balances(ledger[order.Id]));
            Assert.Equal(order.Total, order.Price + order.ServiceCharge);
            var listing = byId[order.ListingId];
            Assert.Equal(order.SellerId, listing.SellerId);
            Assert.NotEqual(order.BuyerId, order.SellerId);
            Assert.True(listing.PublishedAt < order.CreatedAt, "bought after it was published");
            Assert.Contains(listing.Status, order.Status switch
            {
                OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Disputed => [ListingStatus.Reserved],
                OrderStatus.Completed => [ListingStatus.Sold],
                OrderStatus.Refunded => [ListingStatus.Withdrawn],
                _ => new[] { ListingStatus.OnSale, ListingStatus.Expired },
            });
            Assert.Equal(order.Status == OrderStatus.Refunded, listing.CodeRevoked);
        }
        Assert.True(orders.Where(o => o.Status == OrderStatus.PendingPayment).All(o => o.PaymentDeadline > DateTimeOffset.UtcNow), "unpaid orders are in their window");
        Assert.True(orders.Where(o => o.Status == OrderStatus.Paid).All(o => o.ConfirmDeadline > DateTimeOffset.UtcNow), "paid orders are in their window");
        var events = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, TestContext.Current.CancellationToken);
        Assert.True(events[nameof(OrderStatusChanged)] >= orders.Count * 2 - orders.Count(o => o.Status == OrderStatus.PendingPayment));
        Assert.Equal(1, events[nameof(SearchReindexRequested)]);
    }

    /// <summary>A fresh start's index holds the demo: every listing on sale, in every category and city.</summary>
    private static async Task AssertSearchFindsEveryListingOnSaleAsync(PlatformServer server, List<Listing> listings)
    {
        var onSale = listings.Where(l => l.StatusAt(DateTimeOffset.UtcNow) == ListingStatus.OnSale).ToList();
        var all = await server.SearchUntilAsync(new { }, r => r["listings"]!["totalCount"]!.GetValue<int>() == onSale.Count, $"the {onSale.Count} listings on sale");
        Assert.Equal(6, all["categoryCounts"]!.AsArray().Count);
        Assert.Equal(onSale.Select(l => l.City).Distinct().Count(), all["cityCounts"]!.AsArray().Count);
        var concerts = await server.SearchOkAsync(new { text = "演唱会" });
        Assert.Equal(onSale.Count(l => l.Title.Contains("演唱会")), concerts["listings"]!["totalCount"]!.GetValue<int>());
    }

    /// <summary>
    /// The codes were sealed by the platform's vault (a buyer who paid reads theirs), and the demo's
    /// admin, listed in the configuration, resolves a dispute it left open.
    /// </summary>
    private static async Task AssertDemoMembersCanActAsync(PlatformServer server, List<Order> orders, List<Member> members)
    {
        var phones = members.Where(m => m.PhoneNumber is not null).ToDictionary(m => m.Id, m => m.PhoneNumber!);
        var paid = orders.First(o => o.Status == OrderStatus.Paid && phones.ContainsKey(o.BuyerId));
        var buyer = await server.SignInAsync(phones[paid.BuyerId]);
        var seen = (await server.PostAsync("query($id: ID!) { order(id: $id) { status ticketCode } }", new { id = paid.Id }, buyer.AccessToken)).Ok();
        Assert.StartsWith("DEMO-", seen["order"]!["ticketCode"]!.GetValue<string>());

        var admin = await server.SignInAsync(DemoAdmin);
        var disputed = orders.First(o => o.Status == OrderStatus.Disputed);
        var resolved = await server.ResolveAsync(admin, disputed.Id, refundBuyer: false);
        Assert.Equal("COMPLETED", resolved["order"]!["status"]!.GetValue<string>());
    }

    private static async Task UntilRelayingAsync(PlatformServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            if (await db.ProcessLeases.AnyAsync(l => l.Name == ProcessLease.OutboxRelay, TestContext.Current.CancellationToken))
                return;
            Assert.True(DateTime.UtcNow < deadline, "The platform did not take the outbox relay's lease within 10 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
