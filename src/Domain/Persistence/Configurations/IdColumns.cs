using ETicket.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Persistence.Configurations;

public static class IdColumns
{
    /// <summary>An entity id or a reference to one (optional where <typeparamref name="TId"/> is <c>string?</c>): 32 ASCII hex characters (see <see cref="Ids"/>).</summary>
    public static PropertyBuilder<TId> IsId<TId>(this PropertyBuilder<TId> property) where TId : class? =>
        property.HasMaxLength(Ids.MaxLength).IsUnicode(false);
}
