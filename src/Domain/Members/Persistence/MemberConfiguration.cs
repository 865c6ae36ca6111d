using ETicket.Domain.Common;
using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Members.Persistence;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> member)
    {
        member.ToTable("Members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).IsId();
        member.Property(m => m.OpenId).HasMaxLength(64).IsUnicode(false);
        member.Property(m => m.UnionId).HasMaxLength(64).IsUnicode(false);
        member.Property(m => m.PhoneNumber).HasMaxLength(24).IsUnicode(false);
        member.Property(m => m.Nickname).HasMaxLength(ProfileRules.NicknameMaxStoredLength).IsRequired();
        member.Property(m => m.AvatarUrl).HasMaxLength(WebUrls.MaxLength);
        member.Property(m => m.BlacklistReason).HasMaxLength(Member.BlacklistReasonMaxLength);
        member.Property(m => m.Gender).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        member.Ignore(m => m.MembershipLevel);
        member.Ignore(m => m.Roles);
        member.HasIndex(m => m.OpenId).IsUnique();
        member.HasIndex(m => m.PhoneNumber).IsUnique();
    }
}
