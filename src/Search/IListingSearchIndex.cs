namespace ETicket.Search;

/// <summary>
/// A search backend: the embedded Lucene index, or Elasticsearch. Writes are idempotent by listing
/// version, so events may be delivered more than once and in any order.
/// </summary>
public interface IListingSearchIndex
{
    /// <summary>
    /// The name under which several processes share this index (Elasticsearch's alias), so that one
    /// of them rebuilds it for all; null when each process has its own (the embedded index).
    /// </summary>
    string? SharedName { get; }

    Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Stores the documents; one older than the document already indexed for its listing is ignored.</summary>
    Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Whether the index can answer, and up to where in the outbox it has applied every change.</summary>
    Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken);

    /// <summary>Records that every change up to this outbox sequence is written (with the writes before it).</summary>
    /// <param name="following">The rebuild that made the index the caller follows, as <see cref="InspectAsync"/> told it.</param>
    /// <returns>
    /// False, recording nothing, when a shared index was rebuilt by another process since: the caller's
    /// writes before the switch went to the old index, so it must follow the new one from its rebuild.
    /// </returns>
    Task<bool> SaveCheckpointAsync(long sequence, RebuiltIndex? following, CancellationToken cancellationToken);

    /// <summary>
    /// Builds a fresh index from <paramref name="documents"/> beside the current one, which keeps
    /// answering, then switches to it atomically and drops the old one.
    /// </summary>
    /// <param name="position">Where in the outbox the documents were read; its checkpoint becomes the index's.</param>
    Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, RebuiltIndex position, CancellationToken cancellationToken);
}
