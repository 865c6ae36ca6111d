using ETicket.Graph.Querying;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ETicket.Graph.Limits;

/// <summary>
/// Introspection is exempt from the depth and complexity limits, so it needs its own bound: the
/// type graph has cycles (<c>fields { type { fields { type ...</c>), and following them multiplies
/// the answer at every turn. Like graphql-js's MaxIntrospectionDepthRule, this refuses nesting the
/// lists that follow the graph (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c>) more than two deep; the standard introspection query nests them one deep.
/// </summary>
public sealed class IntrospectionNestingRule : ValidationRuleBase
{
    private const int MaxNesting = 2;

    // In the core rules' walk of the document, so it costs no walk of its own.
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var nesting = new Nesting(context.Document);
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Name.Value != "__schema" && field.Name.Value != "__type" || field.SelectionSet is null)
                return;
            var depth = nesting.Of(field.SelectionSet, default);
            if (depth > MaxNesting)
                validation.ReportError(QueryLimitErrors.IntrospectionTooDeep(validation.Document, field, depth, MaxNesting));
        }));
    }

    /// <summary>
    /// The deepest nesting below a selection set, each fragment's figure worked out once. A fragment
    /// that spreads itself is the core rules' to refuse (in this same walk); here it ends the walk.
    /// </summary>
    private sealed class Nesting(GraphQLDocument document) : SelectionWalk<ValueTuple, int>(document)
    {
        protected override int Field(GraphQLField field, ValueTuple _) => (FollowsTypeGraph(field) ? 1 : 0) + Of(field.SelectionSet, default);

        protected override int Combine(int folded, int next) => Math.Max(folded, next);

        private static bool FollowsTypeGraph(GraphQLField field) => field.Name.Value == "fields" || field.Name.Value == "inputFields"
            || field.Name.Value == "interfaces" || field.Name.Value == "possibleTypes";
    }
}
