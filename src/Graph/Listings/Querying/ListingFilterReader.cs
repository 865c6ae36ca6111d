using System.Collections;
using ETicket.Domain.Common;
using ETicket.Domain.Listings;
using ETicket.Domain.Listings.Querying;
using ETicket.Graph.Limits;

namespace ETicket.Graph.Listings.Querying;

/// <summary>
/// Reads the contract's <c>where</c> (already coerced by GraphQL.NET into dictionaries and lists) into
/// the domain's <see cref="ListingFilter"/>, within <see cref="QueryLimitOptions.MaxFilterTerms"/> and
/// <see cref="QueryLimitOptions.MaxFilterNesting"/>. Every list is measured against what is left of
/// the budget before any of its elements is read, so 7,000 elements in variables are refused at once,
/// before anything is built from them.
/// </summary>
internal sealed class ListingFilterReader(QueryLimitOptions limits)
{
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

    private int _terms;

    public ListingFilter Read(IDictionary<string, object?> where) => Read(where, nesting: 0);

    private ListingFilter Read(IDictionary<string, object?> where, int nesting)
    {
        var parts = new List<ListingFilter>();
        foreach (var (name, value) in where)
        {
            if (value is null)
                continue; // `city: null` asks for nothing
            if (name is "and" or "or")
            {
                var elements = (ICollection)value;
                if (nesting + 1 > limits.MaxFilterNesting)
                    throw QueryLimitErrors.FilterTooDeep(limits.MaxFilterNesting);
                Count(elements.Count);
                var nested = new List<ListingFilter>(elements.Count);
                foreach (var element in elements)
                    nested.Add(Read((IDictionary<string, object?>)element!, nesting + 1));
                parts.Add(name == "and" ? new ListingFilter.All(nested) : new ListingFilter.Any(nested));
                continue;
            }
            foreach (var (operatorName, operand) in (IDictionary<string, object?>)value)
            {
                var op = Operators[operatorName];
                if (operand is null && op is not (FilterOperator.Eq or FilterOperator.Neq))
                    throw new BadInputException($"`{name}.{operatorName}` needs a value; only eq and neq take null.");
                Count(operand is ICollection values ? values.Count : 1);
                CheckTextLength(name, operatorName, operand);
                parts.Add(new ListingFilter.Condition(ListingQueryArguments.Fields[name], op, operand));
            }
        }
        return parts.Count == 1 ? parts[0] : new ListingFilter.All(parts);
    }

    /// <summary>Titles and cities have at most this many characters; a longer text can match none of them.</summary>
    private static readonly int MaxTextLength = Math.Max(PublishListingRules.TitleMaxLength, PublishListingRules.ShortTextMaxLength);

    private static void CheckTextLength(string field, string operatorName, object? operand)
    {
        var tooLong = operand switch
        {
            string text => text.Length > MaxTextLength,
            IEnumerable<object?> values => values.Any(v => v is string text && text.Length > MaxTextLength),
            _ => false,
        };
        if (tooLong)
            throw new BadInputException($"`{field}.{operatorName}` compares with texts of at most {MaxTextLength} characters.");
    }

    private void Count(int terms)
    {
        // Compared before adding, so a huge count cannot overflow the total.
        if (terms > limits.MaxFilterTerms - _terms)
            throw QueryLimitErrors.FilterTooLarge(limits.MaxFilterTerms);
        _terms += terms;
    }
}
