using System.Runtime.CompilerServices;
using ETicket.Domain.Listings;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace ETicket.Graph.Listings.Querying;

/// <summary>
/// The listing columns a connection field's selection reads: what <c>nodes</c> and
/// <c>edges { node }</c> ask for, fragments included. A market page asking for titles, prices and
/// sellers loads those three columns (and the keys its cursors need), not the twenty of a listing.
/// Worked out once per field of a document (cached documents keep their syntax tree).
/// </summary>
public static class ListingSelection
{
    /// <summary>
    /// The columns each field of <see cref="ListingType"/> reads from its listing. A field missing
    /// here (one added to the type later) loads every column, so forgetting it costs time, not answers.
    /// </summary>
    private static readonly Dictionary<string, ListingColumns> Fields = new()
    {
        ["__typename"] = ListingColumns.None,
        ["id"] = ListingColumns.Id,
        ["category"] = ListingColumns.Category,
        ["title"] = ListingColumns.Title,
        ["description"] = ListingColumns.Id,
        ["country"] = ListingColumns.Country,
        ["city"] = ListingColumns.City,
        ["venue"] = ListingColumns.Venue,
        ["startsAt"] = ListingColumns.StartsAt,
        ["endsAt"] = ListingColumns.EndsAt,
        ["seat"] = ListingColumns.Seat,
        ["faceValue"] = ListingColumns.FaceValue,
        ["price"] = ListingColumns.Price,
        ["status"] = ListingColumns.Status | ListingColumns.ExpiresAt,
        ["imageUrls"] = ListingColumns.ImageUrls,
        ["seller"] = ListingColumns.SellerId,
        ["publishedAt"] = ListingColumns.PublishedAt,
        ["ticketCode"] = ListingColumns.Id | ListingColumns.SellerId,
    };

    private static readonly ConditionalWeakTable<GraphQLField, StrongBox<ListingColumns>> Known = [];

    /// <summary>The columns the listings of this connection field's answer read.</summary>
    public static ListingColumns Columns(IResolveFieldContext context)
    {
        var field = context.FieldAst;
        if (Known.TryGetValue(field, out var known))
            return known.Value;
        var columns = field.SelectionSet is { } connection ? InConnection(connection, context.Document) : ListingColumns.None;
        Known.AddOrUpdate(field, new StrongBox<ListingColumns>(columns));
        return columns;
    }

    /// <summary>Of a connection: its <c>nodes</c>, and the <c>node</c> of its <c>edges</c>.</summary>
    private static ListingColumns InConnection(GraphQLSelectionSet selection, GraphQLDocument document) =>
        Walk(selection, document, field => field.Name.Value == "nodes" && field.SelectionSet is { } nodes ? InListing(nodes, document)
            : field.Name.Value == "edges" && field.SelectionSet is { } edges
                ? Walk(edges, document, edge => edge.Name.Value == "node" && edge.SelectionSet is { } node ? InListing(node, document) : ListingColumns.None)
                : ListingColumns.None);

    private static ListingColumns InListing(GraphQLSelectionSet selection, GraphQLDocument document) =>
        Walk(selection, document, field => Fields.TryGetValue(field.Name.StringValue, out var columns) ? columns : ListingColumns.All);

    /// <summary>The union over the fields of a selection set, through inline fragments and fragment spreads.</summary>
    private static ListingColumns Walk(GraphQLSelectionSet selection, GraphQLDocument document, Func<GraphQLField, ListingColumns> ofField, HashSet<GraphQLFragmentDefinition>? seen = null)
    {
        var columns = ListingColumns.None;
        foreach (var node in selection.Selections)
        {
            columns |= node switch
            {
                GraphQLField field => ofField(field),
                GraphQLInlineFragment inline => Walk(inline.SelectionSet, document, ofField, seen),
                GraphQLFragmentSpread spread when document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                    && (seen ??= []).Add(fragment) => Walk(fragment.SelectionSet, document, ofField, seen),
                _ => ListingColumns.None,
            };
        }
        return columns;
    }
}
