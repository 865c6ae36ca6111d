using System.Collections;
using ETicket.Domain.Common;
using ETicket.Graph.Querying;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace ETicket.Graph.Limits;

/// <summary>
/// Sets up GraphQL.NET's complexity analyzer for our schema. Its default counting already fits Relay
/// connections: every field costs 1; the connection field multiplies nothing, and its <c>edges</c>
/// and <c>nodes</c> lists multiply what they select by the connection's <c>first</c> or <c>last</c>,
/// or by the default page size when neither is given. So a page counts once along any path, not
/// squared.
/// </summary>
public static class QueryComplexity
{
    public static void Configure(ComplexityOptions complexity, QueryLimitOptions limits)
    {
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;
        // What a list without `first`/`last` returns: a connection's default page.
        complexity.DefaultListImpactMultiplier = PageRequest.DefaultSize;
        var libraryDefault = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context => Impact(context, libraryDefault);
        complexity.ValidateComplexityDelegate = Refuse;
    }

    /// <summary>
    /// The arguments whose values the impact of a field reads: the library's default (<c>first</c>,
    /// <c>last</c>, <c>id</c>) and <see cref="Impact"/>'s own (<c>representations</c>). Keep in step
    /// with them: <see cref="DependsOnVariables"/> relies on this list.
    /// </summary>
    private static readonly HashSet<string> ArgumentsRead = ["first", "last", "id", "representations"];

    /// <summary>
    /// Whether the complexity or depth of <paramref name="operation"/> may change with its variables:
    /// a variable in an argument the analyzer reads (<c>first: $n</c>), or in a directive, since
    /// <c>@skip</c> and <c>@include</c> decide which fields count. When not, the analyzer's verdict
    /// on the document holds for every request (see Transport/DocumentCache).
    /// </summary>
    public static bool DependsOnVariables(GraphQLDocument document, GraphQLOperationDefinition operation) =>
        InDirectives(operation.Directives) || new VariablesRead(document).Of(operation.SelectionSet, default);

    private sealed class VariablesRead(GraphQLDocument document) : SelectionWalk<ValueTuple, bool>(document)
    {
        protected override bool Field(GraphQLField field, ValueTuple _) =>
            InDirectives(field.Directives)
            || field.Arguments is { } arguments && arguments.Items.Any(a => ArgumentsRead.Contains(a.Name.StringValue) && HasVariable(a.Value))
            || Of(field.SelectionSet, default);

        protected override bool Directives(IHasDirectivesNode node) => InDirectives(node.Directives);

        protected override bool Combine(bool folded, bool next) => folded || next;

        protected override bool IsFinal(bool found) => found;
    }

    private static bool InDirectives(GraphQLDirectives? directives) =>
        directives is not null && directives.Items.Any(d => d.Arguments is { } arguments && arguments.Items.Any(a => HasVariable(a.Value)));

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values is { } values && values.Any(HasVariable),
        GraphQLObjectValue obj => obj.Fields is { } fields && fields.Any(f => HasVariable(f.Value)),
        _ => false,
    };

    private static FieldComplexityResult Impact(FieldImpactContext context, Func<FieldImpactContext, FieldComplexityResult> libraryDefault)
    {
        var field = context.FieldDefinition.Name;
        // Answered from the schema in memory; IntrospectionNestingRule bounds how far it may go.
        if (field is "__schema" or "__type")
            return new(0, 0);
        var impact = libraryDefault(context);
        // The gateway resolves one entity per representation: count them, not a guessed page.
        if (field == "_entities" && context.GetArgument<object?>("representations") is ICollection representations)
            impact.ChildImpactMultiplier = representations.Count;
        // A negative `first` is refused when it runs, but would subtract its children from the
        // total here and let a sibling through that is over the budget.
        impact.ChildImpactMultiplier = Math.Max(0, impact.ChildImpactMultiplier);
        return impact;
    }

    /// <summary>Replaces the library's refusal: exempts introspection from the depth limit and gives the figures.</summary>
    private static Task Refuse(ComplexityValidationContext context)
    {
        var (maxComplexity, maxDepth) = (context.Configuration.MaxComplexity!.Value, context.Configuration.MaxDepth!.Value);
        var tooDeep = context.MaxDepth > maxDepth && !IntrospectionOperation.Is(context.ValidationContext.Operation);
        context.Error = tooDeep || context.TotalImpact > maxComplexity
            ? QueryLimitErrors.TooComplex(context.TotalImpact, maxComplexity, context.MaxDepth, maxDepth, tooDeep)
            : null;
        return Task.CompletedTask;
    }
}
