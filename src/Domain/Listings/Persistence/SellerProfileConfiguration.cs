using ETicket.Domain.Members;
using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Listings.Persistence;

internal sealed class SellerProfileConfiguration : IEntityTypeConfiguration<SellerProfile>
{
    public void Configure(EntityTypeBuilder<SellerProfile> profile)
    {
        profile.ToTable("SellerProfiles");
        profile.HasKey(p => p.MemberId);
        profile.Property(p => p.MemberId).IsId();
        // A copy of the member's row, so the member's own limits.
        profile.HasOne<Member>().WithOne().HasForeignKey<SellerProfile>(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        profile.Property(p => p.Nickname).HasMaxLength(ProfileRules.NicknameMaxStoredLength).IsRequired();
        profile.Property(p => p.AvatarUrl).HasMaxLength(Common.WebUrls.MaxLength);
    }
}
