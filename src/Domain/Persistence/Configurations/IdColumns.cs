using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Persistence.Configurations;

public static class IdColumns
{
    /// <summary>An entity id or a reference to one: 32 ASCII hex characters (see <see cref="Ids"/>).</summary>
    public static PropertyBuilder<string> IsId(this PropertyBuilder<string> property) =>
        property.HasMaxLength(Ids.MaxLength).IsUnicode(false);
}
