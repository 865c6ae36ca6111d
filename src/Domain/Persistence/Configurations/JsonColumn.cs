using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ETicket.Domain.Persistence.Configurations;

public static class JsonColumn
{
    /// <summary>A short list of strings kept as one JSON text column, compared by content.</summary>
    public static PropertyBuilder<List<string>> AsJsonText(this PropertyBuilder<List<string>> property) =>
        property
            .HasConversion(
                list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
                    list => list.ToList()))
            .IsUnicode();
}
