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
        // The seller belongs to the members module: referenced by id, no cross-module foreign key.
        listing.Property(l => l.SellerId).IsId();
        listing.Property(l => l.Category).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        listing.Property(l => l.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        listing.Property(l => l.Title).HasMaxLength(PublishListingRules.TitleMaxLength).IsRequired();
        listing.Property(l => l.Description).HasMaxLength(PublishListingRules.DescriptionMaxLength);
        listing.Property(l => l.Country).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.City).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.Venue).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.Seat).HasMaxLength(PublishListingRules.ShortTextMaxLength);
        listing.Property(l => l.ImageUrls).AsJsonText();
        listing.Property(l => l.TicketCodeCipher).HasMaxLength(2048);
        listing.Property(l => l.TicketCodeHash).HasMaxLength(64).IsUnicode(false);
        listing.Property(l => l.ActiveCodeHash).HasMaxLength(64).IsUnicode(false);
        listing.Property(l => l.Version).IsConcurrencyToken();

        listing.HasIndex(l => new { l.PublishedAt, l.Id });
        listing.HasIndex(l => new { l.SellerId, l.PublishedAt, l.Id });
        listing.HasIndex(l => l.TicketCodeHash);
        listing.HasIndex(l => l.ActiveCodeHash).IsUnique();
        listing.HasIndex(l => new { l.Status, l.ExpiresAt });
    }
}
