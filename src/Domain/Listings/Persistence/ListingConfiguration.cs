using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Listings.Persistence;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> listing)
    {
        listing.ToTable("Listings");
        listing.HasKey(l => l.Id);
        listing.Property(l => l.Id).IsId();
        listing.Property(l => l.SellerId).IsId();
        // Across modules, yet in the one database every deployment shares: a listing without its
        // seller broke every page that showed it (docs/architecture.md, "Members are referenced").
        listing.HasOne<Members.Member>().WithMany().HasForeignKey(l => l.SellerId).OnDelete(DeleteBehavior.Restrict);
        listing.Property(l => l.Category).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        listing.Property(l => l.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        listing.Property(l => l.Title).HasMaxLength(PublishListingRules.TitleMaxLength).IsRequired();
        listing.Property(l => l.Country).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.City).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.Venue).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.Seat).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.ImageUrls).AsJsonText();
        listing.HasOne(l => l.Text).WithOne().HasForeignKey<ListingText>(t => t.ListingId);
        listing.Navigation(l => l.Text).IsRequired();
        listing.Property(l => l.TicketCodeHash).HasMaxLength(64).IsUnicode(false);
        listing.Property(l => l.ActiveCodeHash).HasMaxLength(64).IsUnicode(false);
        listing.Property(l => l.Version).IsConcurrencyToken();

        listing.HasIndex(l => new { l.PublishedAt, l.Id });
        listing.HasIndex(l => new { l.SellerId, l.PublishedAt, l.Id });
        listing.HasIndex(l => l.TicketCodeHash);
        listing.HasIndex(l => l.ActiveCodeHash).IsUnique();
        listing.HasIndex(l => new { l.Status, l.ExpiresAt });
        // The market page: equality on category, city and status, then its default order (docs/benchmarks.md).
        listing.HasIndex(l => new { l.Category, l.City, l.Status, l.StartsAt, l.Id });
    }
}

/// <summary>The split-off columns of the same Listings row.</summary>
internal sealed class ListingTextConfiguration : IEntityTypeConfiguration<ListingText>
{
    public void Configure(EntityTypeBuilder<ListingText> text)
    {
        text.ToTable("Listings");
        text.HasKey(t => t.ListingId);
        text.Property(t => t.ListingId).HasColumnName("Id").IsId();
        text.Property(t => t.Description).HasMaxLength(PublishListingRules.DescriptionMaxLength);
        text.Property(t => t.TicketCodeCipher).HasMaxLength(2048);
    }
}
