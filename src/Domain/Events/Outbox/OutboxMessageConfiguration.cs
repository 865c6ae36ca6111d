using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Events.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedOnAdd();
        message.Property(m => m.Type).HasMaxLength(100).IsUnicode(false);
        message.Property(m => m.Payload).IsRequired();
        message.HasIndex(m => m.PublishedAt);
    }
}
