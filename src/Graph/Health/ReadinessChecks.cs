namespace ETicket.Graph.Health;

/// <summary>The readiness checks' names, as the JSON shows them, and what it says of each.</summary>
public static class ReadinessChecks
{
    /// <summary>The tag of every check readiness runs; liveness runs none.</summary>
    public const string Tag = "ready";

    public const string Database = "database";
    public const string Migrations = "migrations";
    public const string Redis = "redis";
    public const string OutboxLag = "outboxLag";
    public const string Search = "search";
    public const string SearchLag = "searchLag";

    private const string DatabaseDown = "Could not be checked: the database does not answer.";

    public static readonly IReadOnlyDictionary<string, CheckTexts> Texts = new Dictionary<string, CheckTexts>
    {
        [Database] = new("The database answers.", "The database does not answer."),
        [Migrations] = new("The database has every migration of this build.",
            "The database lacks migrations of this build: it has not been migrated yet.",
            Failed: DatabaseDown),
        [Redis] = new("Redis answers.", "Redis does not answer: live updates and the outbox relay wait for it."),
        [OutboxLag] = new("The outbox relay is keeping up.",
            "The oldest undelivered event is older than ETicket:Health:MaxOutboxLag: the outbox relay is stopped or behind.",
            Failed: DatabaseDown),
        [Search] = new("The search index answers.",
            "The search index is missing or unreadable; it is being rebuilt from the database.",
            Failed: "The search backend does not answer.",
            Degraded: "The search index answers; it is being rebuilt for a newer version of the platform."),
        [SearchLag] = new("The search index is keeping up with the listings.",
            "The search index misses listing changes older than ETicket:Health:MaxSearchLag: indexing is stopped or behind.",
            Failed: "Could not be checked: the database or the search backend does not answer."),
    };
}
