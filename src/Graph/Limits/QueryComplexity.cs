using System.Collections;
using ETicket.Domain.Common;
using GraphQL;
using GraphQL.Validation.Complexity;

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
