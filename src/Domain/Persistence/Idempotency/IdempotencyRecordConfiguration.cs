using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Persistence.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("IdempotencyRecords");
        record.HasKey(r => r.Id);
        record.Property(r => r.Id).ValueGeneratedOnAdd();
        record.Property(r => r.MemberId).IsId();
        record.Property(r => r.Operation).HasMaxLength(50).IsUnicode(false);
        record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        record.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false);
        record.Property(r => r.ResultId).IsId();
        record.HasIndex(r => new { r.MemberId, r.Operation, r.Key }).IsUnique();
        record.HasIndex(r => r.ExpiresAt);
    }
}
