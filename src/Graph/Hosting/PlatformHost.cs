using ETicket.Domain;
using ETicket.Domain.Events.Broadcast.Redis;
using ETicket.Domain.Members.Sessions;
using ETicket.Domain.Orders.Payments;
using ETicket.Domain.Persistence;
using ETicket.Domain.Pictures;
using ETicket.Graph.Auth;
using ETicket.Graph.Health;
using ETicket.Graph.Ide;
using ETicket.Graph.Listings;
using ETicket.Graph.Orders.Payments;
using ETicket.Graph.Members;
using ETicket.Graph.Orders;
using ETicket.Graph.Pictures;
using ETicket.Graph.Schema;
using ETicket.Graph.Search;
using ETicket.Graph.Telemetry;
using ETicket.Graph.Transport;
using ETicket.Graph.Wanted;
using Microsoft.IdentityModel.Tokens;

namespace ETicket.Graph.Hosting;

/// <summary>Builds the platform's web host; Program runs it, tests start it on a free loopback port.</summary>
public static class PlatformHost
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string GraphQLPath = "/graphql";

    /// <param name="configureServices">Runs after the platform's own registrations, e.g. to add an EF Core interceptor.</param>
    /// <param name="configureConfiguration">
    /// Runs after the settings files, environment and command line are added and before any setting is
    /// read, e.g. for a test to add a configuration source of its own.
    /// </param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null,
        Action<IConfigurationBuilder>? configureConfiguration = null)
    {
        // Settings files sit beside the binary, wherever it is started from; the data directory
        // stays relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configureConfiguration?.Invoke(builder.Configuration);
        // ASPNETCORE_HTTP_PORTS / HTTPS_PORTS count as an address too (the official container images set them).
        if (new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
            builder.WebHost.UseUrls(DefaultUrl);

        var role = Compose(builder.Services, builder.Configuration, builder.Environment.IsDevelopment());
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // First, so everything after it (rate limits, logs) sees the client's address, not a proxy's.
        app.UseTrustedProxies(role);
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
        var eventStreams = app.Services.GetRequiredService<Transport.ServerSentEvents.GraphQLServerSentEventsEndpoint>();
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
        app.MapHealth();
        app.MapWeChatPayNotifications();
        app.MapPictures();
        app.MapTelemetry();
        return app;
    }

    /// <summary>The composition root: the platform's infrastructure, then the modules the role serves, then the graph served from them.</summary>
    private static SchemaRole Compose(IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        // Every section is bound as options, checked at start (AddOptions<T>().BindConfiguration(section).ValidateOnStart()),
        // by the module that uses it; the few settings that decide what is registered are read here, now.
        T Read<T>(string section) where T : new() => configuration.GetSection(section).Get<T>() ?? new T();
        var platform = Read<PlatformOptions>(PlatformOptions.Section);
        var dataDirectory = Directory.CreateDirectory(platform.FullDataDirectory).FullName;
        var role = new SchemaRole(platform.Role);
        byte[] LoadKey(string? configured, string setting, string fileName) =>
            SecretKeys.Load(configured, setting, dataDirectory, fileName, isDevelopment);

        services.AddSingleton(TimeProvider.System);
        services.AddTransportOptions();
        services.AddGracefulShutdown();
        services.AddETicketPersistence(Read<DatabaseOptions>(DatabaseOptions.Section), dataDirectory);
        services.AddInProcessEvents(relayOutbox: role.ServesTickets);
        var redis = Read<RedisOptions>(RedisOptions.Section);
        services.AddEventBroadcast(redis, broadcastRelayedEvents: role.ServesTickets);
        services.AddModuleIntegration();

        var signingKey = new SymmetricSecurityKey(LoadKey(Read<AuthOptions>(AuthOptions.Section).SigningKey,
            $"{AuthOptions.Section}:{nameof(AuthOptions.SigningKey)}", "signing.key"));
        services.AddSingleton<IAccessTokenIssuer>(new JwtAccessTokenIssuer(signingKey));
        services.AddAccessTokenValidation(signingKey);

        // The modules this role serves, each with its domain services, settings and fields.
        if (role.ServesMembers)
            services.AddMembersModule();
        else
            services.AddMemberReferences();
        if (role.ServesTickets)
        {
            services.AddPaymentProvider(Read<PaymentOptions>(PaymentOptions.Section), isDevelopment);
            // In this order because each root type lists its modules' fields in the order they were registered.
            services.AddOrdersModule();
            var ticketKey = LoadKey(Read<TicketsOptions>(TicketsOptions.Section).SecretKey,
                $"{TicketsOptions.Section}:{nameof(TicketsOptions.SecretKey)}", "tickets.key");
            services.AddListingsModule(ticketKey, role);
            services.AddPicturesModule(ticketKey, dataDirectory, Read<PictureOptions>(PictureOptions.Section).Storage);
            services.AddSearchModule(configuration, dataDirectory);
            services.AddWantedModule();
        }
        services.AddETicketGraph(role);
        services.AddHealth(role, redis);
        services.AddTelemetry(configuration, role, redis, isDevelopment);
        return role;
    }

    /// <summary>Creates or upgrades the database before the first request.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<ETicketDbContext>(), cancellationToken);
    }
}
