using ETicket.Graph.Live;
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
    Hosting.NetworkOptions network,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    private readonly IReadOnlyList<System.Net.IPNetwork> _proxies = Hosting.TrustedProxies.Parse(network);

    public const string SubProtocol = "graphql-transport-ws";

    internal GraphQLExecutor Executor => executor;
    internal SubscriptionGroups Groups => groups;
    internal GraphQLRequestReader Requests => requests;
    internal IGraphQLTextSerializer Serializer => serializer;
    internal MemberConnections Members => members;
    internal BearerCredentials Credentials => credentials;
    internal IServiceScopeFactory Scopes => scopes;
    internal SubscriptionOptions Options => options.Value;
    internal IHostApplicationLifetime Lifetime => lifetime;
    internal ILogger Logger => logger;

    /// <summary>The largest message a client may send: the same bound as a POST body.</summary>
    internal int MaxMessageBytes => transport.Value.MaxRequestBytes;

    public async Task HandleAsync(HttpContext http)
    {
        // As the reference server does: accept, then close with 4406 when the client offers another
        // subprotocol (or none), so the client learns why. Browsers that offered only other
        // subprotocols fail the handshake instead, which tools like the IDE take as "use SSE".
        var supported = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = supported ? SubProtocol : null,
            KeepAliveInterval = Options.KeepAliveInterval,
            KeepAliveTimeout = Options.KeepAliveTimeout,
        });
        // A gateway multiplexes many clients on one socket: the per-connection bounds are the gateway's.
        var limits = Hosting.TrustedProxies.FromTrustedProxy(http, _proxies)
            ? new ConnectionLimits(Options.MaxSubscriptionsPerProxyConnection, Options.MaxQueuedMessagesPerProxyConnection)
            : new ConnectionLimits(Options.MaxSubscriptionsPerConnection, Options.MaxQueuedMessages);
        var connection = new WebSocketConnection(this, http, socket, limits);
        if (!supported)
            connection.Close(CloseCodes.SubprotocolNotAcceptable, $"Subprotocol not acceptable: use {SubProtocol}");
        await connection.RunAsync();
    }
}

/// <summary>The bounds of one WebSocket: operations running at once, messages waiting to be sent.</summary>
internal readonly record struct ConnectionLimits(int MaxOperations, int MaxQueuedMessages);
