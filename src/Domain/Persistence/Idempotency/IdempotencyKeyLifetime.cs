namespace ETicket.Domain.Persistence.Idempotency;

/// <summary>How long an idempotency key keeps its first result (ETicket:Marketplace:IdempotencyKeyLifetime).</summary>
public sealed record IdempotencyKeyLifetime(TimeSpan Value);
