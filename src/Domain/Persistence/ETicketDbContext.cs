using ETicket.Domain.Common;
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
    public DbSet<WantedRequest> WantedRequests => Set<WantedRequest>();
    public DbSet<WantedMatch> WantedMatches => Set<WantedMatch>();

    // shared infrastructure
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<RelayLease> RelayLeases => Set<RelayLease>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ETicketDbContext).Assembly);
}
