using System.Collections.Frozen;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace ETicket.Graph.Querying;

/// <summary>
/// What a field reads from its source object, declared where the field is defined, so that a loader
/// loads the columns a query's fields read and no others (a market page's sellers show a nickname:
/// two member columns, not thirteen). The loaders take their maps from these declarations.
/// </summary>
public static class FieldReads
{
    private const string MetadataKey = "eticket:reads";

    /// <summary>Declares the properties of the source this field reads (none for a field that needs nothing of it).</summary>
    public static FieldBuilder<TSource, TReturn> Reads<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] properties) =>
        field.WithMetadata(MetadataKey, properties);

    public static bool IsDeclared(FieldType field) => field.HasMetadata(MetadataKey);

    /// <summary>
    /// The properties each field of <paramref name="type"/> reads, by field name, <c>__typename</c>
    /// reading none. A field without a declaration is not there: its loader then loads every column,
    /// so a forgotten one costs time, not answers (and FieldReadsTests fails). Read anew each time:
    /// the loaders keep what they derive from it, per schema (docs/caches.md).
    /// </summary>
    public static FrozenDictionary<string, string[]> Of(IComplexGraphType type) =>
        type.Fields
            .Where(IsDeclared)
            .Select(field => KeyValuePair.Create(field.Name, field.GetMetadata<string[]>(MetadataKey)!))
            .Append(KeyValuePair.Create("__typename", Array.Empty<string>()))
            .ToFrozenDictionary(StringComparer.Ordinal);
}
