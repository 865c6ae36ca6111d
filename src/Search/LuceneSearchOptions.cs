namespace ETicket.Search;

/// <summary>The embedded backend's settings (ETicket:Search:Lucene).</summary>
public sealed class LuceneSearchOptions
{
    public const string Section = "ETicket:Search:Lucene";

    /// <summary>
    /// Where the index lives, relative to ETicket:DataDirectory. Each process keeps an index of its
    /// own: processes sharing a data directory (a tickets subgraph and its replica) each need their own.
    /// </summary>
    public string Directory { get; set; } = "search";
}
