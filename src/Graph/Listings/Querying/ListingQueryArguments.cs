using ETicket.Domain.Common;
using ETicket.Domain.Listings.Querying;
using GraphQL;

namespace ETicket.Graph.Listings.Querying;

/// <summary>Reads the contract's `where` and `order` arguments into the domain's filter and sort.</summary>
public static class ListingQueryArguments
{
    private static readonly Dictionary<string, ListingField> Fields = new()
    {
        ["category"] = ListingField.Category,
        ["status"] = ListingField.Status,
        ["city"] = ListingField.City,
        ["title"] = ListingField.Title,
        ["price"] = ListingField.Price,
        ["startsAt"] = ListingField.StartsAt,
        ["publishedAt"] = ListingField.PublishedAt,
    };

    private static readonly Dictionary<string, FilterOperator> Operators = new()
    {
        ["eq"] = FilterOperator.Eq,
        ["neq"] = FilterOperator.Neq,
        ["in"] = FilterOperator.In,
        ["contains"] = FilterOperator.Contains,
        ["startsWith"] = FilterOperator.StartsWith,
        ["gt"] = FilterOperator.Gt,
        ["gte"] = FilterOperator.Gte,
        ["lt"] = FilterOperator.Lt,
        ["lte"] = FilterOperator.Lte,
    };

    public static ListingFilter? Filter(this IResolveFieldContext context) =>
        context.GetArgument<Dictionary<string, object?>>("where") is { } where ? Parse(where) : null;

    public static IReadOnlyList<ListingSort> Order(this IResolveFieldContext context) =>
        context.GetArgument<List<object?>>("order") is { } order ? [.. order.Select(ParseSort)] : [];

    private static ListingFilter Parse(IDictionary<string, object?> where)
    {
        var parts = new List<ListingFilter>();
        foreach (var (name, value) in where)
        {
            if (value is null)
                continue; // `city: null` asks for nothing
            if (name is "and" or "or")
            {
                var nested = ((IEnumerable<object?>)value).Select(v => Parse((IDictionary<string, object?>)v!)).ToList();
                parts.Add(name == "and" ? new ListingFilter.All(nested) : new ListingFilter.Any(nested));
                continue;
            }
            foreach (var (operatorName, operand) in (IDictionary<string, object?>)value)
            {
                var op = Operators[operatorName];
                if (operand is null && op is not (FilterOperator.Eq or FilterOperator.Neq))
                    throw new BadInputException($"`{name}.{operatorName}` needs a value; only eq and neq take null.");
                parts.Add(new ListingFilter.Condition(Fields[name], op, operand));
            }
        }
        return parts.Count == 1 ? parts[0] : new ListingFilter.All(parts);
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
