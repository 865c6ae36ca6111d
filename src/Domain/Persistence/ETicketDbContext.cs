using ETicket.Domain.Events;
using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Orders;
using ETicket.Domain.Wanted;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Persistence;

/// <summary>
/// One database for both modules; each module owns its tables and their mapping. Each provider has
/// its own subclass, so each keeps its own migrations and its own storage conventions.
/// </summary>
public abstract class ETicketDbContext(DbContextOptions options) : DbContext(options)
{
    // members
    public DbSet<Member> Members => Set<Member>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    // tickets
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Orders.Disbursements.Disbursement> Disbursements => Set<Orders.Disbursements.Disbursement>();
    public DbSet<WantedRequest> WantedRequests => Set<WantedRequest>();
    public DbSet<WantedMatch> WantedMatches => Set<WantedMatch>();
    public DbSet<SellerProfile> SellerProfiles => Set<SellerProfile>();
    public DbSet<Pictures.TicketPicture> TicketPictures => Set<Pictures.TicketPicture>();

    // shared infrastructure
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ProcessLease> ProcessLeases => Set<ProcessLease>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>
    /// A save that has begun runs to its end, whatever its token says. Pomelo sends every save as one
    /// multi-statement batch, and MariaDB may leave a batch stopped by KILL QUERY (MySqlConnector's
    /// cancellation) unanswered: the connection then waits out the 30 s command timeout (71 of 2,000
    /// saves cancelled mid-flight, MySqlConnector 2.4.0 and 2.6.2 alike; found by the long fuzz). A
    /// save is a few rows; the request's next step still sees the cancellation and rolls back.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ETicketDbContext).Assembly);
}
