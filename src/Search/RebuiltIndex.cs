namespace ETicket.Search;

/// <summary>Where a rebuilt index stands in the outbox.</summary>
/// <param name="Checkpoint">Where following the outbox starts: the rebuild read the database at this row, less a replay margin.</param>
/// <param name="Through">The newest outbox row when the rebuild began: reindex requests up to it are served by this rebuild.</param>
public sealed record RebuiltIndex(long Checkpoint, long Through);
