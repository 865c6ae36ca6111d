using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Persistence.Configurations;

internal sealed class ProcessLeaseConfiguration : IEntityTypeConfiguration<ProcessLease>
{
    public void Configure(EntityTypeBuilder<ProcessLease> lease)
    {
        lease.ToTable("RelayLeases"); // named when the outbox relay was its only user
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(ProcessLease.NameLength).IsUnicode(false);
        lease.Property(l => l.Holder).HasMaxLength(100).IsUnicode(false);
    }
}
