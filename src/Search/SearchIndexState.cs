namespace ETicket.Search;

/// <param name="Checkpoint">The outbox sequence applied up to, or null when none was recorded.</param>
/// <param name="Rebuilt">
/// The rebuild that made a shared index, so that a process waiting for another's rebuild knows when it
/// is done and where to follow from; null for an index only this process writes.
/// </param>
public sealed record SearchIndexState(SearchIndexHealth Health, long? Checkpoint, RebuiltIndex? Rebuilt = null);
