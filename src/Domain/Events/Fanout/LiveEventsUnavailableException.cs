namespace ETicket.Domain.Events.Fanout;

/// <summary>The fan-out cannot carry events right now.</summary>
public sealed class LiveEventsUnavailableException(string message) : Exception(message);
