using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Orders.Persistence;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("LedgerEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.OrderId).IsId();
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        entry.Property(e => e.From).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        entry.Property(e => e.To).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        entry.Property(e => e.Reference).HasMaxLength(100).IsUnicode(false);
        entry.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
        // One entry of each kind per order: a second charge or payout cannot be written.
        entry.HasIndex(e => new { e.OrderId, e.Kind }).IsUnique();
    }
}
