using System.Text.Encodings.Web;
using ETicket.Domain;
using ETicket.Graph.Common;
using ETicket.Graph.Limits;
using ETicket.Graph.Listings;
using ETicket.Graph.Members;
using ETicket.Graph.Orders;
using ETicket.Graph.Schema;
using ETicket.Graph.Transport;
using ETicket.Graph.Wanted;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace ETicket.Graph.Hosting;

public static class GraphRegistration
{
    /// <summary>Registers the modules this role serves and the GraphQL schema built from them.</summary>
    public static IServiceCollection AddETicketGraph(this IServiceCollection services, GraphRole role)
    {
        var schemaRole = new SchemaRole(role);
        services.AddSingleton(schemaRole);

        if (schemaRole.ServesMembers)
            services.AddMembersGraph();
        else
            services.AddSingleton<IMemberResolver, ReferenceMemberResolver>();
        if (schemaRole.ServesTickets)
            services.AddTicketsGraph();

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
                .AddExecutionStrategy<Live.ScopedSubscriptionStrategy>(OperationType.Subscription)
                .AddUnhandledExceptionHandler(LogUnexpected)
                // Registered, not installed on every field: WithSignInRateLimit() applies it to the fields it marks.
                .UseMiddleware<SignInRateLimitMiddleware>(install: false, GraphQL.DI.ServiceLifetime.Singleton);
            if (schemaRole.IsFederated)
                graph.AddFederation("2.3");
        });

        // Registered after AddGraphQL, so it replaces GraphQL.NET's validator (see PreparedOperationValidator).
        services.AddSingleton<GraphQL.Validation.IDocumentValidator, PreparedOperationValidator>();
        services.AddSingleton<GraphQLRequestReader>();
        // Repeated documents are parsed and validated once (see DocumentCache); the executer runs it as a step.
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<GraphQL.DI.IConfigureExecution>(sp => sp.GetRequiredService<DocumentCache>());
        services.AddSingleton<GraphQLExecutor>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddStreamingTransports();
        services.AddSingleton<Live.LiveEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<Live.LiveEvents>());
        services.AddSingleton<Live.SubscriptionGroups>();
        return services;
    }

    private static void AddMembersGraph(this IServiceCollection services)
    {
        services.AddMembersDomain();
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section)
            .Validate(limit => limit.PermitLimit > 0 && limit.Window > TimeSpan.Zero,
                $"{SignInRateLimitOptions.Section}: PermitLimit must be at least 1 and Window longer than zero.")
            .ValidateOnStart();
        services.AddScoped<MemberLoader>();
        services.AddSingleton<MemberSelection>();
        services.AddSingleton<IMemberResolver, LoadingMemberResolver>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberFields>();
        services.AddSingleton<IFieldContributor<QueryType>, MemberQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, SignInWithWeChatMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, SignInForDevelopmentMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, RefreshSessionMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, UpdateProfileMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, SetBlacklistedMutation>();
    }

    private static void AddTicketsGraph(this IServiceCollection services)
    {
        services.AddScoped<ListingLoader>();
        services.AddSingleton<Listings.Querying.ListingSelection>();
        services.AddScoped<ListingTextLoader>();
        services.AddScoped<SellerListingsLoader>();
        services.AddScoped<SellerListingCountLoader>();
        services.AddScoped<OrderLoader>();
        services.AddScoped<CompletedTradesLoader>();
        services.AddSingleton<IFieldContributor<QueryType>, OrderQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, OrderMutations>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberTradeFields>();
        services.AddSingleton<IFieldContributor<QueryType>, ListingQueries>();
        services.AddSingleton<IFieldContributor<QueryType>, Search.SearchListingsQuery>();
        services.AddSingleton<IFieldContributor<MutationType>, PublishListingMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, ChangeListingPriceMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, WithdrawListingMutation>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberListingsFields>();
        services.AddScoped<WantedRequestLoader>();
        services.AddSingleton<IFieldContributor<QueryType>, WantedRequestQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, PostWantedRequestMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, CloseWantedRequestMutation>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, ListingSubscriptions>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, OrderSubscriptions>();
        services.AddSingleton<IFieldContributor<SubscriptionType>, WantedSubscriptions>();
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
