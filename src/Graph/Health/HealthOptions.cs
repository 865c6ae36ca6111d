namespace ETicket.Graph.Health;

/// <summary>Configuration section <c>ETicket:Health</c>: what readiness (<c>/readyz</c>, <c>/health</c>) tolerates.</summary>
public sealed class HealthOptions
{
    public const string Section = "ETicket:Health";

    /// <summary>
    /// How old the oldest event the outbox relay has not delivered may be. Read where the relay runs
    /// (all-in-one, Tickets); a standby relay takes over from a dead one within 10 s.
    /// </summary>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How old the oldest listing change missing from the search index may be. Read where search
    /// runs (all-in-one, Tickets); longer than the indexer's 30 s wait for a slow transaction's outbox row.
    /// </summary>
    public TimeSpan MaxSearchLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long each readiness check may take before it counts as failed: a probe that waits longer is of no use.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
