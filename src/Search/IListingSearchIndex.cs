namespace ETicket.Search;

/// <summary>
/// A search backend: the embedded Lucene index, or Elasticsearch. Writes are idempotent by listing
/// version, so events may be delivered more than once and in any order.
/// </summary>
public interface IListingSearchIndex
{
    Task<ListingSearchPage> SearchAsync(ListingSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Stores the documents; one older than the document already indexed for its listing is ignored.</summary>
    Task WriteAsync(IReadOnlyCollection<ListingSearchDocument> documents, CancellationToken cancellationToken);

    /// <summary>Whether the index can answer, and up to where in the outbox it has applied every change.</summary>
    Task<SearchIndexState> InspectAsync(CancellationToken cancellationToken);

    /// <summary>Records that every change up to this outbox sequence is written (with the writes before it).</summary>
    Task SaveCheckpointAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>
    /// Builds a fresh index from <paramref name="documents"/> beside the current one, which keeps
    /// answering, then switches to it atomically and drops the old one.
    /// </summary>
    /// <param name="checkpoint">The outbox sequence the documents were read at.</param>
    Task RebuildAsync(IAsyncEnumerable<ListingSearchDocument> documents, long checkpoint, CancellationToken cancellationToken);
}

public enum SearchIndexHealth
{
    /// <summary>No index yet: it must be built before it answers.</summary>
    Missing,

    /// <summary>Built with an older mapping or analysis: it answers, and must be rebuilt.</summary>
    Outdated,

    /// <summary>Unreadable: it must be rebuilt.</summary>
    Corrupt,

    Ready,
}

/// <param name="Checkpoint">The outbox sequence applied up to, or null when none was recorded.</param>
public sealed record SearchIndexState(SearchIndexHealth Health, long? Checkpoint);
