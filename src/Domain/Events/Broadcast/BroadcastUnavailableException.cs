namespace ETicket.Domain.Events.Broadcast;

/// <summary>The broadcast cannot carry events right now.</summary>
public sealed class BroadcastUnavailableException(string message) : Exception(message);
