using ETicket.Graph.Subscriptions;
using ETicket.Graph.Telemetry;
using GraphQL;
using Microsoft.Extensions.Options;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// GraphQL over WebSocket at the GraphQL path, with the graphql-transport-ws subprotocol (the
/// protocol of the graphql-ws library): subscriptions, and queries and mutations too.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    GraphQLExecutor executor,
    SubscriptionGroups groups,
    GraphQLRequestReader requests,
    IGraphQLTextSerializer serializer,
    MemberConnections members,
    BearerCredentials credentials,
    IServiceScopeFactory scopes,
    IOptions<SubscriptionOptions> options,
    IOptions<TransportOptions> transport,
    IHostApplicationLifetime lifetime,
    IOptions<NetworkOptions> network,
    GraphQLTelemetry telemetry,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly IReadOnlyList<System.Net.IPNetwork> _proxies = TrustedProxies.Parse(network.Value);
    private readonly WebSocketConnectionServices _services = new(executor, groups, requests, serializer, credentials, members, scopes,
        options.Value, telemetry, transport.Value.MaxRequestBytes, lifetime.ApplicationStopping, logger);

    public async Task HandleAsync(HttpContext http)
    {
        var settings = _services.Options;
        // As the reference server does: accept, then close with 4406 when the client offers another
        // subprotocol (or none), so the client learns why. Browsers that offered only other
        // subprotocols fail the handshake instead, which tools like the IDE take as "use SSE".
        var supported = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = supported ? SubProtocol : null,
            KeepAliveInterval = settings.KeepAliveInterval,
            KeepAliveTimeout = settings.KeepAliveTimeout,
        });
        // A gateway multiplexes many clients on one socket: the per-connection bounds are the gateway's.
        var limits = TrustedProxies.FromTrustedProxy(http, _proxies)
            ? new ConnectionLimits(settings.MaxSubscriptionsPerProxyConnection, settings.MaxQueuedMessagesPerProxyConnection)
            : new ConnectionLimits(settings.MaxSubscriptionsPerConnection, settings.MaxQueuedMessages);
        var connection = new WebSocketConnection(_services, http, socket, limits);
        if (!supported)
            connection.Close(CloseCodes.SubprotocolNotAcceptable, $"Subprotocol not acceptable: use {SubProtocol}");
        await connection.RunAsync();
    }
}
