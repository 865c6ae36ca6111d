using ETicket.Domain.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Wanted.Persistence;

internal sealed class WantedRequestConfiguration : IEntityTypeConfiguration<WantedRequest>
{
    public void Configure(EntityTypeBuilder<WantedRequest> request)
    {
        request.ToTable("WantedRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).IsId();
        request.Property(r => r.MemberId).IsId();
        request.HasOne<Members.Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        request.Property(r => r.Category).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        request.Property(r => r.Keywords).HasMaxLength(WantedRequest.KeywordsMaxLength).IsRequired();
        request.Property(r => r.City).HasMaxLength(WantedRequest.CityMaxLength);
        request.HasIndex(r => new { r.Open, r.Category });
        request.HasIndex(r => new { r.MemberId, r.CreatedAt });
        request.HasIndex(r => new { r.CreatedAt, r.Id });
    }
}

internal sealed class WantedMatchConfiguration : IEntityTypeConfiguration<WantedMatch>
{
    public void Configure(EntityTypeBuilder<WantedMatch> match)
    {
        match.ToTable("WantedMatches");
        match.HasKey(m => m.Id);
        match.Property(m => m.Id).ValueGeneratedOnAdd();
        match.Property(m => m.WantedRequestId).IsId();
        match.Property(m => m.ListingId).IsId();
        match.HasOne<WantedRequest>().WithMany().HasForeignKey(m => m.WantedRequestId).OnDelete(DeleteBehavior.Restrict);
        match.HasIndex(m => new { m.WantedRequestId, m.ListingId }).IsUnique();
    }
}
