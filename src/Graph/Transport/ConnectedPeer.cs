using System.Net;

namespace ETicket.Graph.Transport;

/// <summary>The address of the connection's other end, before forwarded headers name the client instead.</summary>
public sealed record ConnectedPeer(IPAddress? Address);
