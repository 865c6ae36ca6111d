using ETicket.Graph.Common;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ETicket.Graph.Limits;

/// <summary>
/// Refusals for operations over a limit: QUERY_TOO_COMPLEX, a message saying which limit and how
/// to stay under it, and the figures in <c>extensions</c> for clients and logs.
/// </summary>
public static class QueryLimitErrors
{
    public static ExecutionError DocumentTooLong(int length, int max) =>
        ErrorCodes.Error(ErrorCodes.QueryTooComplex, $"The document is {length} characters long, more than the {max} allowed.")
            .AddExtension("documentLength", length)
            .AddExtension("maxDocumentLength", max);

    public static ExecutionError FilterTooLarge(int maxTerms) =>
        ErrorCodes.Error(ErrorCodes.QueryTooComplex,
                $"The filter (`where`) has more than {maxTerms} terms (conditions, `in` values and `and`/`or` elements); use `in` for alternatives of one field.")
            .AddExtension("maxFilterTerms", maxTerms);

    public static ExecutionError FilterTooDeep(int maxNesting) =>
        ErrorCodes.Error(ErrorCodes.QueryTooComplex, $"The filter (`where`) nests `and` and `or` more than {maxNesting} deep.")
            .AddExtension("maxFilterNesting", maxNesting);

    public static ValidationError TooManyFields(long fields, int max) =>
        Refusal(new ValidationError($"The operation is too complex to run: with its fragments written out where they are spread, it selects {fields} fields, more than the {max} allowed."))
            .AddExtension("fields", fields)
            .AddExtension("maxComplexity", max);

    public static ValidationError TooManyAliases(long aliases, int max) =>
        Refusal(new ValidationError($"The operation has {aliases} aliased fields, more than the {max} allowed."))
            .AddExtension("aliases", aliases)
            .AddExtension("maxAliases", max);

    /// <param name="tooDeep">Whether the depth counts and is over its limit: an introspection operation's does not count.</param>
    public static ValidationError TooComplex(double complexity, int maxComplexity, int depth, int maxDepth, bool tooDeep)
    {
        var reasons = new List<string>();
        if (tooDeep)
            reasons.Add($"it nests {depth} levels deep, more than the {maxDepth} allowed");
        if (complexity > maxComplexity)
            reasons.Add($"its complexity is {complexity:0}, more than the {maxComplexity} allowed; ask for smaller pages (`first`) or fewer nested lists");
        return Refusal(new ValidationError($"The operation is too complex to run: {string.Join("; ", reasons)}."))
            .AddExtension("complexity", complexity)
            .AddExtension("maxComplexity", maxComplexity)
            .AddExtension("depth", depth)
            .AddExtension("maxDepth", maxDepth);
    }

    public static ValidationError IntrospectionTooDeep(GraphQLDocument document, GraphQLField field, int nesting, int max) =>
        Refusal(new ValidationError(document.Source, null,
                $"Introspection may nest `fields`, `inputFields`, `interfaces` and `possibleTypes` at most {max} deep; this nests them {nesting} deep.", field))
            .AddExtension("introspectionDepth", nesting)
            .AddExtension("maxIntrospectionDepth", max);

    private static ValidationError Refusal(ValidationError error)
    {
        error.Code = ErrorCodes.QueryTooComplex;
        return error;
    }
}
