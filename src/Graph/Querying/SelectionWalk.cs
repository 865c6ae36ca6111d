using GraphQLParser;
using GraphQLParser.AST;

namespace ETicket.Graph.Querying;

/// <summary>
/// The one walk over a query's selections, through inline fragments and fragment spreads, folding
/// what each selection yields into one <typeparamref name="TResult"/> (<c>default</c> adds nothing:
/// no columns, no fields, false). Every reader of a document's selections derives from it, so that
/// fragment cycles meet one rule: a fragment's selections are walked once per walk, and every other
/// spread of it reuses that result; a spread met while its own fragment is being walked (a cycle)
/// adds nothing. That also makes a fragment spread twice over cost one walk, not two, and lets
/// validation rules walk a document before (or while) GraphQL.NET's own rule refuses the cycle.
/// </summary>
/// <remarks>
/// GraphQL.NET's own walk (GraphQLParser's ASTVisitor) is asynchronous, visits every node down to
/// names and values, and leaves spreads to each visitor; what it finds about fragments
/// (ValidationContext.GetRecursivelyReferencedFragments) lives only in a validation. This walk is
/// synchronous and allocates only the walker, plus a dictionary once it meets a spread.
/// </remarks>
/// <typeparam name="TScope">Where a selection set stands, as far as the walker needs to know it
/// (a graph type, a level of a connection); <see cref="ValueTuple"/> when it needs nothing.</typeparam>
/// <typeparam name="TResult"><see cref="ValueTuple"/> for a walker that only collects.</typeparam>
public abstract class SelectionWalk<TScope, TResult>(GraphQLDocument document)
    where TResult : struct
{
    private Dictionary<GraphQLFragmentDefinition, TResult>? _fragments;

    /// <summary>The fold of these selections, in document order; it stops once the result <see cref="IsFinal"/>.</summary>
    public TResult Of(GraphQLSelectionSet? selections, TScope scope)
    {
        TResult result = default;
        if (selections is null)
            return result;
        foreach (var selection in selections.Selections)
        {
            result = Combine(result, selection switch
            {
                GraphQLField field => Field(field, scope),
                GraphQLInlineFragment inline => Combine(Directives(inline), inline.TypeCondition is null
                    ? Of(inline.SelectionSet, scope)
                    : Fragment(inline.TypeCondition, inline.SelectionSet, scope)),
                GraphQLFragmentSpread spread => Combine(Directives(spread), Spread(spread, scope)),
                _ => default,
            });
            if (IsFinal(result))
                break;
        }
        return result;
    }

    /// <summary>What a field yields; the walker goes below it by calling <see cref="Of"/> with the field's scope.</summary>
    protected abstract TResult Field(GraphQLField field, TScope scope);

    protected abstract TResult Combine(TResult folded, TResult next);

    /// <summary>Whether nothing further can change the result (a yes of "any").</summary>
    protected virtual bool IsFinal(TResult result) => false;

    /// <summary>
    /// What the directives of an inline fragment, a spread (each) or a fragment definition (once)
    /// yield; a field's are the <see cref="Field"/>'s to read.
    /// </summary>
    protected virtual TResult Directives(IHasDirectivesNode node) => default;

    /// <summary>The fold of a fragment's selections under its type condition: by default, in the scope around it.</summary>
    protected virtual TResult Fragment(GraphQLTypeCondition condition, GraphQLSelectionSet selections, TScope scope) =>
        Of(selections, scope);

    /// <summary>What a spread of a fragment the document does not define yields (validation refuses it, maybe later).</summary>
    protected virtual TResult Missing(GraphQLFragmentSpread spread) => default;

    private TResult Spread(GraphQLFragmentSpread spread, TScope scope)
    {
        if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is not { } fragment)
            return Missing(spread);
        _fragments ??= [];
        if (_fragments.TryGetValue(fragment, out var folded))
            return folded;
        // Until its walk ends, a spread of it (inside itself) adds nothing.
        _fragments[fragment] = default;
        return _fragments[fragment] = Combine(Directives(fragment), Fragment(fragment.TypeCondition, fragment.SelectionSet, scope));
    }
}
