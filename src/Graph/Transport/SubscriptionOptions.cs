namespace ETicket.Graph.Transport;

/// <summary>
/// Configuration section <c>ETicket:Subscriptions</c>: the streaming transports (WebSocket and
/// Server-Sent Events) and what one client may hold open (docs/subscriptions.md).
/// </summary>
public sealed class SubscriptionOptions
{
    public const string Section = "ETicket:Subscriptions";

    /// <summary>How long a new WebSocket may take to send <c>connection_init</c>; after that it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an idle connection shows it is alive: a WebSocket ping frame (RFC 6455, answered by
    /// every client's WebSocket stack), an SSE comment line. Keeps proxies from dropping quiet streams.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A WebSocket whose peer answers no ping frame within this is dropped (a vanished phone, a dead route).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often the server sends graphql-transport-ws <c>ping</c> messages, which a client sees (unlike
    /// ping frames) and answers with <c>pong</c>; zero (the default) sends none.
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How long a connection being closed gets to take the close frame and answer it before it is dropped.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Messages waiting to be sent on one connection. A client that falls this far behind is closed
    /// (WebSocket 1013, SSE response ended) rather than buffered without bound or allowed to slow others.
    /// </summary>
    public int MaxQueuedMessages { get; set; } = 256;

    /// <summary>Operations running at once on one WebSocket (subscriptions, and queries not answered yet).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>
    /// The same two bounds for a WebSocket from a trusted proxy (ETicket:Network:TrustedProxies): Hive
    /// Gateway carries every subscriber without a token over one upstream connection, and each signed-in
    /// member's over another, so these bound the whole gateway rather than one client.
    /// </summary>
    public int MaxSubscriptionsPerProxyConnection { get; set; } = 100_000;

    /// <inheritdoc cref="MaxSubscriptionsPerProxyConnection"/>
    public int MaxQueuedMessagesPerProxyConnection { get; set; } = 1_000_000;

    /// <summary>Signed-in WebSocket and SSE connections one member may hold open in this process.</summary>
    public int MaxConnectionsPerMember { get; set; } = 10;
}
