using ETicket.Domain.Listings;
using ETicket.Domain.Members;
using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Pictures.Persistence;

internal sealed class TicketPictureConfiguration : IEntityTypeConfiguration<TicketPicture>
{
    public void Configure(EntityTypeBuilder<TicketPicture> picture)
    {
        picture.ToTable("TicketPictures");
        picture.HasKey(p => p.Id);
        picture.Property(p => p.Id).IsId();
        picture.Property(p => p.UploaderId).IsId();
        picture.HasOne<Member>().WithMany().HasForeignKey(p => p.UploaderId).OnDelete(DeleteBehavior.Restrict);
        // Two publishes racing for one upload: the second finds its picture taken when it saves.
        picture.Property(p => p.ListingId).IsId().IsConcurrencyToken();
        picture.HasOne<Listing>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Restrict);
        picture.Property(p => p.ContentType).HasMaxLength(16).IsUnicode(false);
        picture.Property(p => p.ThumbnailContentType).HasMaxLength(16).IsUnicode(false);
        picture.Property(p => p.CodeHash).HasMaxLength(64).IsUnicode(false);
        picture.Property(p => p.SealedCode).HasMaxLength(2048);
        picture.Property(p => p.CodeFormat).HasMaxLength(32).IsUnicode(false);
        picture.Property(p => p.ReviewReason).HasMaxLength(32).IsUnicode(false);
        picture.Property(p => p.SimilarToPictureId).IsId();

        // A listing's pictures in order; a member's uploads waiting for a listing; the review queue.
        picture.HasIndex(p => new { p.ListingId, p.Position });
        picture.HasIndex(p => new { p.UploaderId, p.ListingId });
        picture.HasIndex(p => new { p.ReviewReason, p.UploadedAt });
        picture.HasIndex(p => new { p.ListingId, p.UploadedAt });
        // Near copies by multi-index hashing (PerceptualHashBands).
        picture.HasIndex(p => p.HashBand0);
        picture.HasIndex(p => p.HashBand1);
        picture.HasIndex(p => p.HashBand2);
        picture.HasIndex(p => p.HashBand3);
    }
}
