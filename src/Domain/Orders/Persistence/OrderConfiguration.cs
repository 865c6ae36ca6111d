using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Orders.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).IsId();
        order.Property(o => o.ListingId).IsId();
        order.Property(o => o.BuyerId).IsId();
        order.Property(o => o.SellerId).IsId();
        // Members across modules, referenced by foreign keys all the same (see ListingConfiguration).
        order.HasOne<Members.Member>().WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Members.Member>().WithMany().HasForeignKey(o => o.SellerId).OnDelete(DeleteBehavior.Restrict);
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        order.Property(o => o.BuyerLevel).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        order.Property(o => o.DisputeReason).HasMaxLength(Order.DisputeReasonMaxLength);
        order.Property(o => o.ResolutionNote).HasMaxLength(Order.NoteMaxLength);
        order.Property(o => o.PaymentReference).HasMaxLength(100).IsUnicode(false);
        order.Property(o => o.PaymentHandle).HasMaxLength(100).IsUnicode(false);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.HasOne<Listings.Listing>().WithMany().HasForeignKey(o => o.ListingId).OnDelete(DeleteBehavior.Restrict);

        order.HasIndex(o => new { o.BuyerId, o.Status });
        order.HasIndex(o => new { o.SellerId, o.Status });
        order.HasIndex(o => new { o.ListingId, o.Status });
        order.HasIndex(o => new { o.Status, o.PaymentDeadline });
        order.HasIndex(o => new { o.Status, o.ConfirmDeadline });
    }
}
