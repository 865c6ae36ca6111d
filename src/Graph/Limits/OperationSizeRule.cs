using ETicket.Graph.Querying;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Limits;

/// <summary>
/// Measures the selected operation with every fragment written out where it is spread, and refuses it
/// <list type="bullet">
/// <item>with more fields than <see cref="QueryLimitOptions.MaxComplexity"/>, each field costing at
/// least 1. This runs before the complexity analyzer, because GraphQL.NET's analyzer and executor
/// walk a fragment once per spread: fragments that spread fragments twice over would take
/// exponential time there, while this counts each fragment once.</item>
/// <item>with more aliased fields than <see cref="QueryLimitOptions.MaxAliases"/>: aliases are how
/// one request repeats a field many times (the same mutation, a guessed id), which a cost estimate
/// does not stop when each copy is cheap.</item>
/// </list>
/// </summary>
public sealed class OperationSizeRule(IOptions<QueryLimitOptions> options) : ValidationRuleBase
{
    // After the core rules, which refuse unknown and self-spreading fragments first.
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var limits = options.Value;
        var size = new ExpandedSize(context.Document).Of(context.Operation.SelectionSet, default);
        if (size.Fields > limits.MaxComplexity)
            context.ReportError(QueryLimitErrors.TooManyFields(size.Fields, limits.MaxComplexity));
        if (size.Aliases > limits.MaxAliases)
            context.ReportError(QueryLimitErrors.TooManyAliases(size.Aliases, limits.MaxAliases));
        return default;
    }

    private readonly record struct Size(long Fields, long Aliases)
    {
        // Each level of doubled spreads doubles the figures: stop where they are over any limit.
        private const long Ceiling = int.MaxValue;

        public static Size operator +(Size a, Size b) =>
            new(Math.Min(a.Fields + b.Fields, Ceiling), Math.Min(a.Aliases + b.Aliases, Ceiling));
    }

    /// <summary>The size with each fragment written out at its every spread, worked out once (see <see cref="SelectionWalk{TScope, TResult}"/>).</summary>
    private sealed class ExpandedSize(GraphQLDocument document) : SelectionWalk<ValueTuple, Size>(document)
    {
        protected override Size Field(GraphQLField field, ValueTuple _) =>
            new Size(1, field.Alias is null ? 0 : 1) + Of(field.SelectionSet, default);

        protected override Size Combine(Size folded, Size next) => folded + next;
    }
}
