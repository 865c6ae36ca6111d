namespace ETicket.Search.Indexing;

/// <param name="Reindex">The outbox row of the latest reindex request read, if any.</param>
public sealed record OutboxRead(IReadOnlyCollection<string> ListingIds, bool More, long? Reindex);
