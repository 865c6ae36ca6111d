namespace ETicket.Domain.Events;

/// <summary>
/// An operator asked for fresh search indexes (`search reindex`). Through the outbox it reaches every
/// process that keeps one, running or started later; each rebuilds beside its live index.
/// </summary>
public sealed record SearchReindexRequested : DomainEvent;
