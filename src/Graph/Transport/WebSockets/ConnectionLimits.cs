namespace ETicket.Graph.Transport.WebSockets;

/// <summary>The bounds of one WebSocket: operations running at once, messages waiting to be sent.</summary>
internal readonly record struct ConnectionLimits(int MaxOperations, int MaxQueuedMessages);
