namespace ETicket.Graph.Orders;

/// <summary>A count, boxed so the batch loader can cache it like an entity.</summary>
public sealed record CompletedTrades(int Count);
