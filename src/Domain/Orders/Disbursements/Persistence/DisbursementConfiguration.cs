using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Orders.Disbursements.Persistence;

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> disbursement)
    {
        disbursement.ToTable("Disbursements");
        disbursement.HasKey(d => d.Id);
        disbursement.Property(d => d.Id).IsId();
        disbursement.Property(d => d.OrderId).IsId();
        disbursement.Property(d => d.PayeeId).IsId();
        disbursement.Property(d => d.Number).IsId();
        disbursement.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        disbursement.Property(d => d.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        disbursement.Property(d => d.Reason).HasMaxLength(Disbursement.ReasonMaxLength);
        disbursement.Property(d => d.Reference).HasMaxLength(100).IsUnicode(false);
        disbursement.Property(d => d.Failure).HasMaxLength(Disbursement.FailureMaxLength);
        disbursement.Property(d => d.PayeeConfirmation).HasMaxLength(Disbursement.PayeeConfirmationMaxLength).IsUnicode(false);
        disbursement.Property(d => d.Version).IsConcurrencyToken();
        disbursement.HasOne<Order>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
        disbursement.HasOne<Members.Member>().WithMany().HasForeignKey(d => d.PayeeId).OnDelete(DeleteBehavior.Restrict);

        // One refund and one payout per order at most: deciding twice cannot pay twice.
        disbursement.HasIndex(d => new { d.OrderId, d.Kind }).IsUnique();
        // A provider's notification names the attempt's number.
        disbursement.HasIndex(d => d.Number).IsUnique();
        disbursement.HasIndex(d => d.NextCheckAt);
    }
}
