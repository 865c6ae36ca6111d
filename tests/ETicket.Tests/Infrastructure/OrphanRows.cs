using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Orders;
using ETicket.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Infrastructure;

/// <summary>
/// A context of its own on a test's database, outside the server's pool: to write rows the way a
/// restore with foreign key checks off leaves them (mysqldump turns the checks off while it loads),
/// and to bring a database to an older migration.
/// </summary>
public static class OrphanRows
{
    public static ETicketDbContext OpenContext(ITestDatabase database, string dataDirectory, bool foreignKeyChecks = true)
    {
        if (database.Settings.GetValueOrDefault("ETicket:Database:ConnectionString") is { } mysql)
        {
            var options = new DbContextOptionsBuilder<MySqlETicketDbContext>();
            PersistenceRegistration.ConfigureMySql(options, mysql, ServerVersion.Parse(new DatabaseOptions().ServerVersion));
            var context = new MySqlETicketDbContext(options.Options);
            if (!foreignKeyChecks)
            {
                // A session setting: the context keeps its one connection open until disposed.
                context.Database.OpenConnection();
                context.Database.ExecuteSqlRaw("SET FOREIGN_KEY_CHECKS = 0");
            }
            return context;
        }
        var sqlite = new SqliteConnectionStringBuilder(PersistenceRegistration.SqliteConnectionString(new DatabaseOptions(), dataDirectory))
        {
            ForeignKeys = foreignKeyChecks,
            Pooling = false,
        };
        var sqliteOptions = new DbContextOptionsBuilder<SqliteETicketDbContext>();
        PersistenceRegistration.ConfigureSqlite(sqliteOptions, sqlite.ToString());
        return new SqliteETicketDbContext(sqliteOptions.Options);
    }

    /// <summary>A listing of a seller the database does not have, written with foreign key checks off.</summary>
    public static async Task<string> ListingOfMissingSellerAsync(this PlatformServer server, ITestDatabase database, string sellerId, string title)
    {
        await using var db = OpenContext(database, server.DataDirectory, foreignKeyChecks: false);
        var listing = Listing.Publish(sellerId, ListingSeeds.Concert(title, 100m), server.Services.GetRequiredService<TicketCodeVault>(), DateTimeOffset.UtcNow);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return listing.Id;
    }

    /// <summary>An order by a buyer the database does not have, on a real listing, written with foreign key checks off.</summary>
    public static async Task<string> OrderOfMissingBuyerAsync(this PlatformServer server, ITestDatabase database, string listingId, string buyerId)
    {
        await using var db = OpenContext(database, server.DataDirectory, foreignKeyChecks: false);
        var listing = await db.Listings.SingleAsync(l => l.Id == listingId, TestContext.Current.CancellationToken);
        var order = Order.Place(listing, buyerId, ServiceCharges.Quote(listing.Price, MembershipLevel.Normal), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));
        db.Orders.Add(order);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return order.Id;
    }
}
