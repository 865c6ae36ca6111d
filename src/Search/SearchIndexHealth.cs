namespace ETicket.Search;

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
