using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Members.Persistence;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> token)
    {
        token.ToTable("RefreshTokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Id).IsId();
        token.Property(t => t.MemberId).IsId();
        token.Property(t => t.FamilyId).IsId();
        token.Property(t => t.TokenHash).HasMaxLength(64).IsUnicode(false);
        token.HasIndex(t => t.TokenHash).IsUnique();
        token.HasIndex(t => t.FamilyId);
        token.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId);
    }
}
