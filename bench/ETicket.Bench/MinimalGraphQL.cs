using System.Collections.Concurrent;
using ETicket.Domain.Listings;
using ETicket.Domain.Persistence;
using GraphQL;
using GraphQL.DI;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ETicket.Bench;

/// <summary>
/// A reference between the floor and the platform: GraphQL.NET as its documentation sets it up
/// (<c>AddGraphQL</c>, <c>AddSchema</c>, <c>AddSystemTextJson</c>) plus a document cache (what the
/// GraphQL.MemoryCache package, not served here, does: a repeated text is neither parsed nor
/// validated again), with a schema just wide enough for the market query, whose one resolver runs
/// the raw floor's statements. What it costs beyond the floor is GraphQL.NET's own price for this
/// page (execute, coerce variables, serialize); the platform pays that and its own. The
/// query-layer issue quotes such a schema at 67 % (MySQL) and 50 % (SQLite) of the floor.
/// </summary>
public sealed class MinimalGraphQL : IAsyncDisposable
{
    public const string Path = "/graphql";

    private readonly WebApplication _app;

    private MinimalGraphQL(WebApplication app, Uri endpoint) => (_app, Endpoint) = (app, endpoint);

    public Uri Endpoint { get; }

    public static async Task<MinimalGraphQL> StartAsync(DatabaseProvider provider, string connectionString)
    {
        var builder = LoopbackServer.CreateBuilder();
        builder.Services.AddSingleton(RawFloor.Query(provider, connectionString));
        // Exception details in errors: the answer check prints them when this server fails (not on the measured path).
        builder.Services.AddGraphQL(graph => graph.AddSchema<MarketSchema>().AddGraphTypes(typeof(MinimalGraphQL).Assembly).AddSystemTextJson()
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = true).ConfigureExecution(new ValidatedDocuments()));
        var app = builder.Build();
        app.MapPost(Path, RespondAsync);
        return new MinimalGraphQL(app, await LoopbackServer.StartAsync(app, Path));
    }

    private static async Task RespondAsync(HttpContext http, IDocumentExecuter<MarketSchema> executer, IGraphQLTextSerializer serializer)
    {
        var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request?.Query,
            OperationName = request?.OperationName,
            Variables = request?.Variables,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        });
        http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Parsed documents that passed validation, by text; a hit runs only the rules meant for cached documents.</summary>
    private sealed class ValidatedDocuments : IConfigureExecution
    {
        private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

        public float SortOrder => 200;

        public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            GraphQLDocument? document = null;
            var cached = options.Query is { } query && _documents.TryGetValue(query, out document);
            if (cached)
            {
                options.Document = document;
                options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            }
            var result = await next(options);
            if (!cached && result.Executed && options.Query is { } text && result.Document is { } parsed)
                _documents.TryAdd(text, parsed);
            return result;
        }
    }

    private sealed class MarketSchema : Schema
    {
        public MarketSchema(IServiceProvider services) : base(services) => Query = new MarketQueryType();
    }

    private sealed class MarketQueryType : ObjectGraphType
    {
        public MarketQueryType()
        {
            Name = "Query";
            Field<NonNullGraphType<ConnectionType>>("listings")
                .Argument<IntGraphType>("first")
                .Argument<StringGraphType>("after")
                .Argument<FilterInputType>("where")
                .Argument<ListGraphType<NonNullGraphType<SortInputType>>>("order")
                .ResolveAsync(async context =>
                {
                    var after = context.GetArgument<string?>("after");
                    var query = context.RequestServices!.GetRequiredService<IMarketQuery>();
                    return await query.PageAsync(after is null ? null : RawCursor.Decode(after), context.CancellationToken);
                });
        }
    }

    private sealed class ConnectionType : ObjectGraphType<RawPage>
    {
        public ConnectionType()
        {
            Name = "ListingConnection";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingType>>>>("nodes")
                .Resolve(context => context.Source.Rows.Select(row => new Node(row, context.Source.Nicknames[row.SellerId])));
            Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(context => context.Source);
        }
    }

    private sealed record Node(RawRow Row, string Nickname);

    private sealed class ListingType : ObjectGraphType<Node>
    {
        public ListingType()
        {
            Name = "Listing";
            Field<NonNullGraphType<StringGraphType>>("title").Resolve(context => context.Source.Row.Title);
            Field<NonNullGraphType<StringGraphType>>("price").Resolve(context => context.Source.Row.Price);
            Field<NonNullGraphType<MemberType>>("seller").Resolve(context => context.Source.Nickname);
        }
    }

    private sealed class MemberType : ObjectGraphType<string>
    {
        public MemberType()
        {
            Name = "Member";
            Field<NonNullGraphType<StringGraphType>>("nickname").Resolve(context => context.Source);
        }
    }

    private sealed class PageInfoType : ObjectGraphType<RawPage>
    {
        public PageInfoType()
        {
            Name = "PageInfo";
            Field<StringGraphType>("endCursor").Resolve(context =>
                context.Source.Rows.Count == 0 ? null : RawCursor.Encode(context.Source.Rows[^1].StartsAtTicks, context.Source.Rows[^1].Id));
        }
    }

    private sealed class FilterInputType : InputObjectGraphType
    {
        public FilterInputType()
        {
            Name = "ListingFilterInput";
            Field<CategoryEqualsType>("category");
            Field<CityEqualsType>("city");
            Field<StatusEqualsType>("status");
        }
    }

    private abstract class EqualsInputType<TValue> : InputObjectGraphType where TValue : IGraphType
    {
        protected EqualsInputType(string name)
        {
            Name = name;
            Field<TValue>("eq");
        }
    }

    private sealed class CategoryEqualsType() : EqualsInputType<EnumerationGraphType<TicketCategory>>("TicketCategoryOperationFilterInput");

    private sealed class CityEqualsType() : EqualsInputType<StringGraphType>("StringOperationFilterInput");

    private sealed class StatusEqualsType() : EqualsInputType<EnumerationGraphType<ListingStatus>>("ListingStatusOperationFilterInput");

    private sealed class SortInputType : InputObjectGraphType
    {
        public SortInputType()
        {
            Name = "ListingSortInput";
            Field<EnumerationGraphType<SortDirection>>("startsAt");
        }
    }

    private enum SortDirection { Asc, Desc }
}
