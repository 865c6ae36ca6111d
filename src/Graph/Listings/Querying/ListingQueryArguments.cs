using ETicket.Domain.Common;
using ETicket.Domain.Listings.Querying;
using ETicket.Graph.Common;
using ETicket.Graph.Limits;
using GraphQL;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Listings.Querying;

/// <summary>Reads the contract's `where` and `order` arguments into the domain's filter and sort.</summary>
public static class ListingQueryArguments
{
    /// <summary>The input fields of ListingFilterInput and ListingSortInput, as the domain names them.</summary>
    internal static readonly Dictionary<string, ListingField> Fields = new()
    {
        ["category"] = ListingField.Category,
        ["status"] = ListingField.Status,
        ["city"] = ListingField.City,
        ["title"] = ListingField.Title,
        ["price"] = ListingField.Price,
        ["startsAt"] = ListingField.StartsAt,
        ["publishedAt"] = ListingField.PublishedAt,
    };

    /// <summary>The input fields of ListingSortInput, in the order it declares them.</summary>
    internal static readonly string[] SortFields = ["price", "startsAt", "publishedAt", "title"];

    public static ListingFilter? Filter(this IResolveFieldContext context) =>
        context.GetArgument<Dictionary<string, object?>>("where") is { } where
            ? new ListingFilterReader(context.Service<IOptions<QueryLimitOptions>>().Value).Read(where)
            : null;

    public static IReadOnlyList<ListingSort> Order(this IResolveFieldContext context)
    {
        if (context.GetArgument<List<object?>>("order") is not { } order)
            return [];
        // Each field sorts once (ListingOrderings), so a longer list can only be a mistake; refused before reading it.
        if (order.Count > SortFields.Length)
            throw new BadInputException($"`order` has {order.Count} elements; there are {SortFields.Length} fields to sort by, each named at most once.");
        return [.. order.Select(ParseSort)];
    }

    private static ListingSort ParseSort(object? element)
    {
        var given = ((IDictionary<string, object?>)element!).Where(e => e.Value is not null).ToList();
        if (given.Count != 1)
            throw new BadInputException(
                $"Each element of `order` names exactly one field (this one names {given.Count}); write [{{ price: ASC }}, {{ title: DESC }}] for two.");
        return new ListingSort(Fields[given[0].Key], (bool)given[0].Value!);
    }
}
