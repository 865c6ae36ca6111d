using System.Collections.Frozen;
using ETicket.Graph.Querying;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Subscriptions;

/// <summary>
/// Which fields answer differently depending on who asks (a ticket code, a full phone number, "my"
/// orders). Subscribers whose documents select none of them share one execution per event; the
/// others are executed per member (see <see cref="SubscriptionGroups"/>).
/// </summary>
public static class ViewerDependence
{
    private const string MetadataKey = "eticket:viewerDependent";

    /// <summary>Marks a field whose value depends on the viewer.</summary>
    public static FieldBuilder<TSource, TReturn> DependsOnViewer<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[MetadataKey] = true;
        return field;
    }

    /// <summary>The names of every marked field in <paramref name="schema"/>.</summary>
    public static FrozenSet<string> FieldNames(ISchema schema) =>
        schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields)
            .Where(field => field.GetMetadata(MetadataKey, false))
            .Select(field => field.Name)
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether an operation of <paramref name="document"/> selects a field named like a marked one,
    /// anywhere (a fragment that no operation spreads makes the document invalid, refused anyway).
    /// By name alone, so it may say yes too often (a harmless extra execution), never too rarely.
    /// </summary>
    public static bool Selects(GraphQLDocument document, FrozenSet<string> names)
    {
        var walk = new NamedFields(document, names);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation && walk.Of(operation.SelectionSet, default))
                return true;
        }
        return false;
    }

    private sealed class NamedFields(GraphQLDocument document, FrozenSet<string> names) : SelectionWalk<ValueTuple, bool>(document)
    {
        protected override bool Field(GraphQLField field, ValueTuple _) =>
            names.Contains(field.Name.StringValue) || Of(field.SelectionSet, default);

        protected override bool Combine(bool folded, bool next) => folded || next;

        protected override bool IsFinal(bool found) => found;
    }
}
