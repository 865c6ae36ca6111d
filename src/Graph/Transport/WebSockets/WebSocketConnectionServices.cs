using ETicket.Graph.Subscriptions;
using ETicket.Graph.Telemetry;
using GraphQL;

namespace ETicket.Graph.Transport.WebSockets;

/// <summary>
/// Everything a WebSocket connection and its operations use, built once by the endpoint and shared
/// by every connection, so they reach their services in one step instead of through the endpoint.
/// </summary>
/// <param name="MaxMessageBytes">The largest message a client may send: the same bound as a POST body.</param>
/// <param name="ServerStopping">Closes every connection when the server shuts down.</param>
internal sealed record WebSocketConnectionServices(
    GraphQLExecutor Executor,
    SubscriptionGroups Groups,
    GraphQLRequestReader Requests,
    IGraphQLTextSerializer Serializer,
    BearerCredentials Credentials,
    MemberConnections Members,
    IServiceScopeFactory Scopes,
    SubscriptionOptions Options,
    GraphQLTelemetry Telemetry,
    int MaxMessageBytes,
    CancellationToken ServerStopping,
    ILogger Logger);
