using GraphQL.Validation;
using GraphQLParser;
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
            var depth = nesting.In(field.SelectionSet);
            if (depth > MaxNesting)
                validation.ReportError(QueryLimitErrors.IntrospectionTooDeep(validation.Document, field, depth, MaxNesting));
        }));
    }

    /// <summary>The deepest nesting below a selection set, each fragment's figure worked out once.</summary>
    private sealed class Nesting(GraphQLDocument document)
    {
        private readonly Dictionary<GraphQLFragmentDefinition, int> _fragments = [];

        public int In(GraphQLSelectionSet selectionSet) => selectionSet.Selections.Max(selection => selection switch
        {
            GraphQLField field => (FollowsTypeGraph(field) ? 1 : 0) + (field.SelectionSet is { } children ? In(children) : 0),
            GraphQLInlineFragment inline => In(inline.SelectionSet),
            GraphQLFragmentSpread spread => InFragment(spread),
            _ => 0,
        });

        private int InFragment(GraphQLFragmentSpread spread)
        {
            if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment)
                return 0;
            if (_fragments.TryGetValue(fragment, out var depth))
                return depth;
            // A fragment that spreads itself is the core rules' to refuse; here it ends the walk.
            _fragments[fragment] = 0;
            return _fragments[fragment] = In(fragment.SelectionSet);
        }

        private static bool FollowsTypeGraph(GraphQLField field) => field.Name.Value == "fields" || field.Name.Value == "inputFields"
            || field.Name.Value == "interfaces" || field.Name.Value == "possibleTypes";
    }
}
