namespace ETicket.Search.Lucene;

/// <summary>The index's field names, and the version of the mapping and analysis they make up.</summary>
internal static class ListingFields
{
    /// <summary>
    /// Raised whenever a field, its analysis or its encoding changes: an index built with a lower
    /// number is Outdated and must be rebuilt.
    /// </summary>
    public const int MappingVersion = 2;

    /// <summary>Indexed as one term (updates and deletes by it) and as sorted doc values (the tie-breaker).</summary>
    public const string Id = "id";
    // Doc values only, read into ListingColumns: filtered, sorted and counted per document.
    public const string Version = "version";
    /// <summary>The ListingStatus number.</summary>
    public const string Status = "status";
    /// <summary>The TicketCategory number.</summary>
    public const string Category = "category";
    /// <summary>The exact city, as sorted doc values; absent when the listing has none.</summary>
    public const string City = "city";
    /// <summary>Ticks, <see cref="long.MaxValue"/> when the listing has no start time: those sort last, and fail any date bound.</summary>
    public const string StartsAt = "startsAt";
    /// <summary>Whole cents.</summary>
    public const string Price = "price";
    /// <summary>Ticks.</summary>
    public const string PublishedAt = "publishedAt";
    /// <summary>Ticks.</summary>
    public const string ExpiresAt = "expiresAt";
    /// <summary>Ticks: when the price last changed; 0 when it never did.</summary>
    public const string RepricedAt = "repricedAt";

    /// <summary>The title, as words (SmartCn) and as parts (CJK bigrams, Latin prefixes).</summary>
    public const string TitleWords = "titleWords";
    public const string TitleParts = "titleParts";

    /// <summary>The description, venue and city, each a separate value so no phrase spans two of them.</summary>
    public const string BodyWords = "bodyWords";
    public const string BodyParts = "bodyParts";

    /// <summary>Commit user data keys.</summary>
    public const string CheckpointKey = "eticket.checkpoint";
    public const string MappingVersionKey = "eticket.mappingVersion";
}
