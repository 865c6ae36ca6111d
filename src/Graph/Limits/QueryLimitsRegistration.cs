using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Limits;

public static class QueryLimitsRegistration
{
    /// <summary>Binds and checks <c>ETicket:Query</c> at start; introspection defaults to on in Development only.</summary>
    public static IServiceCollection AddQueryLimitOptions(this IServiceCollection services)
    {
        services.AddOptions<QueryLimitOptions>()
            // Before binding, so a configured value wins.
            .Configure<IHostEnvironment>((limits, environment) => limits.Introspection = environment.IsDevelopment())
            .BindConfiguration(QueryLimitOptions.Section)
            .Validate(limits => limits.MaxDepth >= 1, $"{QueryLimitOptions.Section}:MaxDepth must be at least 1.")
            .Validate(limits => limits.MaxComplexity >= 1, $"{QueryLimitOptions.Section}:MaxComplexity must be at least 1.")
            .Validate(limits => limits.MaxDocumentLength >= 1, $"{QueryLimitOptions.Section}:MaxDocumentLength must be at least 1.")
            .Validate(limits => limits.MaxAliases >= 0, $"{QueryLimitOptions.Section}:MaxAliases must be at least 0.")
            .Validate(limits => limits.MaxFilterTerms >= 1, $"{QueryLimitOptions.Section}:MaxFilterTerms must be at least 1.")
            .Validate(limits => limits.MaxFilterNesting >= 0, $"{QueryLimitOptions.Section}:MaxFilterNesting must be at least 0.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The limits GraphQL validation enforces, so a refused operation never starts. The document's
    /// length is checked earlier, by the transport, before parsing.
    /// </summary>
    public static IGraphQLBuilder AddQueryLimits(this IGraphQLBuilder graph) => graph
        .AddValidationRule<IntrospectionOffRule>()
        .AddValidationRule<IntrospectionNestingRule>()
        // Before the analyzer, which it spares from documents that would take it exponential time.
        .AddValidationRule<OperationSizeRule>()
        .AddComplexityAnalyzer((complexity, services) =>
            QueryComplexity.Configure(complexity, services.GetRequiredService<IOptions<QueryLimitOptions>>().Value));
}
