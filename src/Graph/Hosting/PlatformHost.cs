using ETicket.Domain;
using ETicket.Domain.Members;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Persistence;
using ETicket.Graph.Auth;
using ETicket.Graph.Ide;
using ETicket.Graph.Transport;
using ETicket.Search;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Hosting;

/// <summary>Builds the platform's web host; Program runs it, tests start it on a free loopback port.</summary>
public static class PlatformHost
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string GraphQLPath = "/graphql";

    /// <param name="configureServices">Runs after the platform's own registrations, e.g. to add an EF Core interceptor.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // Settings files sit beside the binary, wherever it is started from; the data directory
        // stays relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        var configuration = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();
        var platform = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        var dataDirectory = Directory.CreateDirectory(platform.FullDataDirectory).FullName;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var network = configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        var role = new Schema.SchemaRole(platform.Role);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(platform);
        services.AddSingleton(network);
        services.Configure<MembersOptions>(configuration.GetSection(MembersOptions.Section));
        services.AddOptions<Domain.Marketplace.MarketplaceOptions>().Bind(configuration.GetSection(Domain.Marketplace.MarketplaceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Domain.Marketplace.MarketplaceOptions>, Domain.Marketplace.MarketplaceOptionsValidation>();
        services.Configure<Domain.Members.Sessions.SessionOptions>(configuration.GetSection(Domain.Members.Sessions.SessionOptions.Section));
        services.AddTransportOptions(configuration);
        services.AddETicketPersistence(database, dataDirectory);
        services.AddInProcessEvents(relayOutbox: role.ServesTickets);
        services.AddLiveEventFanout(configuration.GetSection(Domain.Events.Fanout.Redis.RedisOptions.Section).Get<Domain.Events.Fanout.Redis.RedisOptions>() ?? new(),
            broadcastRelayedEvents: role.ServesTickets);
        services.AddModuleIntegration();

        var signingKey = new SymmetricSecurityKey(SecretKeys.Load(
            configuration[$"{AuthKeyOptions.Section}:{nameof(AuthKeyOptions.SigningKey)}"],
            $"{AuthKeyOptions.Section}:{nameof(AuthKeyOptions.SigningKey)}", dataDirectory, "signing.key", isDevelopment));
        services.AddSingleton<IAccessTokenIssuer>(new JwtAccessTokenIssuer(signingKey));
        services.AddAccessTokenValidation(signingKey);

        if (role.ServesTickets)
        {
            services.AddTicketsDomain(SecretKeys.Load(
                configuration[$"{TicketsOptions.Section}:{nameof(TicketsOptions.SecretKey)}"],
                $"{TicketsOptions.Section}:{nameof(TicketsOptions.SecretKey)}", dataDirectory, "tickets.key", isDevelopment));
            services.AddListingSearch(configuration, dataDirectory);
        }
        services.AddETicketGraph(platform.Role);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        configureServices?.Invoke(services);

        var app = builder.Build();
        // First, so everything after it (rate limits, logs) sees the client's address, not a proxy's.
        app.UseTrustedProxies(network, role);
        app.UseExceptionHandler(errors => errors.Run(InternalErrorResponse.WriteAsync));
        app.UseIde(GraphQLPath);
        app.UseStreamingTransports();
        // Routing after the IDE: routing ignores a trailing slash, so it would match /graphql/ to the
        // API's /graphql endpoint, and static files skip requests that already have an endpoint.
        app.UseRouting();
        // One address, four transports: a WebSocket upgrade (graphql-transport-ws), Server-Sent Events
        // (Accept: text/event-stream), else GraphQL over HTTP (docs/http-api.md, docs/subscriptions.md).
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        var webSockets = app.Services.GetRequiredService<Transport.WebSockets.GraphQLWebSocketEndpoint>();
        var eventStreams = app.Services.GetRequiredService<Transport.EventStreams.GraphQLEventStreamEndpoint>();
        RequestDelegate post = http => MediaTypes.PrefersEventStream(http.Request.Headers.Accept)
            ? eventStreams.HandlePostAsync(http)
            : endpoint.HandlePostAsync(http);
        RequestDelegate get = http => http.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(http)
            : MediaTypes.PrefersEventStream(http.Request.Headers.Accept) ? eventStreams.HandleGetAsync(http)
            : endpoint.HandleGetAsync(http);
        // WebSockets over HTTP/2 (RFC 8441) arrive as CONNECT, which the GET endpoint does not match.
        RequestDelegate other = http => http.WebSockets.IsWebSocketRequest ? webSockets.HandleAsync(http) : endpoint.HandleUnsupportedMethodAsync(http);
        app.MapPost(GraphQLPath, post);
        app.MapGet(GraphQLPath, get);
        // No method constraint: routing prefers the GET and POST endpoints, this answers every other method.
        app.Map(GraphQLPath, other);
        app.MapHealthChecks("/health");
        return app;
    }

    /// <summary>Creates or upgrades the database before the first request.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), cancellationToken);
    }
}
