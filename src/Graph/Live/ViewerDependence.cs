using System.Collections.Frozen;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Live;

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
    /// Whether <paramref name="document"/> selects a field named like a marked one, anywhere. By name
    /// alone, so it may say yes too often (a harmless extra execution), never too rarely.
    /// </summary>
    public static bool Selects(GraphQLDocument document, FrozenSet<string> names) =>
        document.Definitions.Any(definition => definition switch
        {
            GraphQLOperationDefinition operation => Selects(operation.SelectionSet, names),
            GraphQLFragmentDefinition fragment => Selects(fragment.SelectionSet, names),
            _ => false,
        });

    private static bool Selects(GraphQLSelectionSet? selections, FrozenSet<string> names) =>
        selections is not null && selections.Selections.Any(selection => selection switch
        {
            GraphQLField field => names.Contains(field.Name.StringValue) || Selects(field.SelectionSet, names),
            GraphQLInlineFragment inline => Selects(inline.SelectionSet, names),
            _ => false,
        });
}
