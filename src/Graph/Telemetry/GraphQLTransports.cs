namespace ETicket.Graph.Telemetry;

/// <summary>The values of <see cref="GraphQLTelemetry.TransportTag"/>: how a request reached the platform.</summary>
public static class GraphQLTransports
{
    public const string Http = "http";
    public const string ServerSentEvents = "sse";
    public const string WebSocket = "websocket";
}
