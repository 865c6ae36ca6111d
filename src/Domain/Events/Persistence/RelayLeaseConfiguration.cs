using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Events.Persistence;

internal sealed class RelayLeaseConfiguration : IEntityTypeConfiguration<RelayLease>
{
    public void Configure(EntityTypeBuilder<RelayLease> lease)
    {
        lease.ToTable("RelayLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(50).IsUnicode(false);
        lease.Property(l => l.Holder).HasMaxLength(100).IsUnicode(false);
    }
}
