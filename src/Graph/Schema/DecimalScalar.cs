using ETicket.Domain.Common;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Graph.Schema;

/// <summary>
/// The contract's <c>Decimal</c>: money as a string, never a JSON number. Output always has two
/// decimals ("120.00"); input takes "120", "120.5" or "120.50" and refuses more places.
/// </summary>
public sealed class DecimalScalar : ScalarGraphType
{
    private const string WrittenAsString = "A Decimal is written as a string, e.g. \"120.50\".";

    public DecimalScalar()
    {
        Name = "Decimal";
        Description = "Money as a string with at most two decimals, e.g. \"120.50\". Output always has two decimals.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Parse((string)text.Value),
        GraphQLNullValue => null,
        _ => throw new FormatException(WrittenAsString),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        _ => throw new FormatException(WrittenAsString),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal amount => Money.Format(amount),
        _ => ThrowSerializationError(value),
    };


    private static decimal Parse(string text) => Money.TryParse(text, out var amount, out var error) ? amount : throw new FormatException(error);
}
