using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ETicket.Domain.Listings;
using ETicket.Graph.Querying;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Listings.Querying;

/// <summary>
/// The listing columns a connection field's selection reads: what <c>nodes</c> and
/// <c>edges { node }</c> ask for, fragments included. A market page asking for titles, prices and
/// sellers loads those three columns (and the keys its cursors need), not the twenty of a listing.
/// Worked out once per field of a document (cached documents keep their syntax tree). A singleton
/// of the host: what it keeps dies with the documents and schema it was worked out for.
/// </summary>
public sealed class ListingSelection
{
    /// <summary>The columns each field of a Listing type reads, from its fields' <see cref="FieldReads"/> (each flag names its property).</summary>
    private readonly ConditionalWeakTable<IComplexGraphType, FrozenDictionary<string, ListingColumns>> _fields = [];

    private readonly ConditionalWeakTable<GraphQLField, StrongBox<ListingColumns>> _known = [];

    /// <summary>The columns the listings of this connection field's answer read.</summary>
    public ListingColumns Columns(IResolveFieldContext context)
    {
        var field = context.FieldAst;
        if (_known.TryGetValue(field, out var known))
            return known.Value;
        var columns = new Walk(context.Document, _fields.GetValue(NodeType(context.FieldDefinition), ColumnsOf)).Of(field.SelectionSet, Level.Connection);
        _known.AddOrUpdate(field, new StrongBox<ListingColumns>(columns));
        return columns;
    }

    /// <summary>The listing type of a connection field: the type of its <c>nodes</c>.</summary>
    private static IComplexGraphType NodeType(FieldType connectionField)
    {
        var connection = (IComplexGraphType)connectionField.ResolvedType!.GetNamedType();
        return (IComplexGraphType)connection.GetField("nodes")!.ResolvedType!.GetNamedType();
    }

    private static FrozenDictionary<string, ListingColumns> ColumnsOf(IComplexGraphType listing) =>
        FieldReads.Of(listing).ToFrozenDictionary(
            field => field.Key,
            field => field.Value.Aggregate(ListingColumns.None, (columns, property) => columns | Enum.Parse<ListingColumns>(property)),
            StringComparer.Ordinal);

    private enum Level
    {
        Connection,
        Edge,
        Listing,
    }

    /// <summary>The union over the fields of a connection's <c>nodes</c> and the <c>node</c> of its <c>edges</c>.</summary>
    private sealed class Walk(GraphQLDocument document, FrozenDictionary<string, ListingColumns> fields) : SelectionWalk<Level, ListingColumns>(document)
    {
        protected override ListingColumns Field(GraphQLField field, Level level) => (level, field.Name.StringValue) switch
        {
            (Level.Connection, "nodes") or (Level.Edge, "node") => Of(field.SelectionSet, Level.Listing),
            (Level.Connection, "edges") => Of(field.SelectionSet, Level.Edge),
            // A field without a declaration loads every column: forgetting it costs time, not answers.
            (Level.Listing, var name) => fields.TryGetValue(name, out var columns) ? columns : ListingColumns.All,
            _ => ListingColumns.None,
        };

        protected override ListingColumns Combine(ListingColumns folded, ListingColumns next) => folded | next;
    }
}
