using System.Text.Encodings.Web;
using ETicket.Graph.Common;
using ETicket.Graph.Limits;
using ETicket.Graph.Members;
using ETicket.Graph.Schema;
using ETicket.Graph.Subscriptions;
using ETicket.Graph.Transport;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace ETicket.Graph.Hosting;

public static class GraphRegistration
{
    /// <summary>
    /// The GraphQL schema built from the fields the registered modules contribute, and what serves it:
    /// execution, query limits, the transports and live updates.
    /// </summary>
    public static IServiceCollection AddETicketGraph(this IServiceCollection services, SchemaRole role)
    {
        services.AddSingleton(role);
        services.AddQueryLimitOptions();
        services.AddGraphQL(graph =>
        {
            graph.AddSchema<ETicketSchema>()
                // Chinese text as UTF-8, not \u escapes: a third of the bytes on a market page.
                .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
                .AddGraphTypes(typeof(GraphRegistration).Assembly)
                .AddErrorInfoProvider<ContractErrorInfoProvider>()
                .AddQueryLimits()
                // One field at a time: resolvers share the request's DbContext and batch loaders.
                .AddExecutionStrategy<CollectOnceExecutionStrategy>(OperationType.Query)
                // Mutations one after another, each payload complete before the next (see SerialMutationStrategy).
                .AddExecutionStrategy<SerialMutationStrategy>(OperationType.Mutation)
                .AddExecutionStrategy<ScopedSubscriptionStrategy>(OperationType.Subscription)
                .AddUnhandledExceptionHandler(LogUnexpected)
                // Registered, not installed on every field: WithSignInRateLimit() applies it to the fields it marks.
                .UseMiddleware<SignInRateLimitMiddleware>(install: false, GraphQL.DI.ServiceLifetime.Singleton);
            if (role.IsFederated)
                graph.AddFederation("2.3");
        });

        // Registered after AddGraphQL, so it replaces GraphQL.NET's validator (see PreparedOperationValidator).
        services.AddSingleton<GraphQL.Validation.IDocumentValidator, PreparedOperationValidator>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<Transport.Uploads.MultipartRequestReader>();
        // Repeated documents are parsed and validated once (see DocumentCache); the executer runs it as a step.
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddStreamingTransports();
        services.AddSingleton<SubscriptionEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionEvents>());
        services.AddSingleton<SubscriptionGroups>();
        return services;
    }

    // Expected failures (access, bad input) are the client's business; everything else is ours to log.
    private static void LogUnexpected(UnhandledExceptionContext context)
    {
        // An index being built says so to the client (SEARCH_UNAVAILABLE); the indexer logs the build.
        if (context.OriginalException is Domain.Common.AccessDeniedException or Domain.Common.BadInputException or ETicket.Search.SearchIndexUnavailableException)
            return;
        // A search backend that cannot be reached is the operator's business, once per request, not a failure of ours.
        if (context.OriginalException is ETicket.Search.SearchUnavailableException unreachable)
        {
            context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("ETicket.Search")
                .LogWarning(unreachable, "Search could not answer");
            return;
        }
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("ETicket.Graph");
        logger?.LogError(context.OriginalException, "Unhandled error in field {Field}", context.FieldContext?.FieldDefinition.Name);
    }
}
